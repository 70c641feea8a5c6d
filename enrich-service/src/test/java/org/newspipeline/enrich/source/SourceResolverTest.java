package org.newspipeline.enrich.source;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle.Source;
import org.newspipeline.contract.EnrichedArticle.Source.Evidence;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.text.LayoutParser;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceResolverTest {

    private static final SourceRegistry REGISTRY = SourceRegistry.bundled();

    private static Source resolve(String origin, String source, String url, String text) {
        RawArticle raw = new RawArticle(1, "id", origin, Instant.now(), null, null, text, url, source, null, null, null,
                List.of());
        LayoutParser layout = new LayoutParser(line -> REGISTRY.byClosingCredit(line).isPresent());
        return new SourceResolver(REGISTRY).resolve(raw, layout.parse(text, null));
    }

    @Test
    void the_dateline_credit_names_the_agency() {
        Source s = resolve("http", null, null, "MINSK, 16 October (BelTA) – The talks went on.");
        assertEquals("BelTA", s.name());
        assertEquals(Evidence.DATELINE, s.evidence());
    }

    @Test
    void what_the_sender_says_comes_first_and_a_feed_says_so() {
        assertEquals(Evidence.FEED, resolve("feed:https://tass.com/rss", "TASS", null, "Some text.").evidence());
        assertEquals(Evidence.REQUEST, resolve("http", "Some Outlet", null, "Some text.").evidence());
    }

    @Test
    void with_nothing_else_the_url_host_decides_and_else_nobody_is_known() {
        assertEquals(Source.UNKNOWN, resolve("http", null, null, "Some text without credits."));
        assertEquals(Source.UNKNOWN, resolve("http", null, "not a url at all", "Some text."));
    }
}

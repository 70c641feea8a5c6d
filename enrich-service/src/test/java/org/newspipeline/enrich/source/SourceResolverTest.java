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
    void a_feed_item_is_credited_to_the_outlet_of_its_link_not_to_the_feed_title() {
        Source heise = resolve("feed:https://www.heise.de/developer/rss/news-atom.xml", "heise developer neueste Meldungen",
                "https://www.heise.de/developer/meldung/Rust-1-7-4-1234.html", "Some text.");
        assertEquals("heise online", heise.name());
        assertEquals(Evidence.URL, heise.evidence());
        assertEquals("UOL Notícias", resolve("feed:http://rss.uol.com.br/feed/noticias.xml", "UOL Notícias - Últimas",
                "https://noticias.uol.com.br/politica/2018/09/24/x.htm", "Texto.").name());
        Source unknown = resolve("feed:https://blog.example/feed", "A Small Blog", "https://blog.example/post/1", "Text.");
        assertEquals("A Small Blog", unknown.name(), "the feed title, when the registry knows nothing of the host");
        assertEquals(Evidence.FEED, unknown.evidence());
    }

    @Test
    void the_directory_source_an_item_was_fetched_for_names_it_before_its_link_or_feed_title() {
        RawArticle raw = new RawArticle(1, "id", "feed:https://www.heise.de/rss/atom.xml", Instant.now(), null, null,
                "MINSK, 16 October (BelTA) – The talks went on.", "https://www.heise.de/news/1", "heise online news", null,
                null, null, List.of())
                .withOutlet(new RawArticle.Outlet("heise", "heise online", org.newspipeline.contract.Source.Kind.OUTLET, "DE"));
        LayoutParser layout = new LayoutParser(line -> REGISTRY.byClosingCredit(line).isPresent());
        Source s = new SourceResolver(REGISTRY).resolve(raw, layout.parse(raw.body(), null));
        assertEquals(new Source("heise online", Source.Kind.OUTLET, Evidence.FEED), s);
    }

    @Test
    void with_nothing_else_the_url_host_decides_and_else_nobody_is_known() {
        assertEquals(Source.UNKNOWN, resolve("http", null, null, "Some text without credits."));
        assertEquals(Source.UNKNOWN, resolve("http", null, "not a url at all", "Some text."));
    }
}

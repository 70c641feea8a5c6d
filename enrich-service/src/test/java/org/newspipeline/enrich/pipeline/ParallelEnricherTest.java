package org.newspipeline.enrich.pipeline;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.support.TestEnricher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelEnricherTest {

    private static RawArticle article(String body) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, "a", "http", Instant.now(), null, null, body, null, null, null, null,
                null, List.of());
    }

    @Test
    void an_article_that_runs_over_fails_alone_and_the_articles_queued_behind_it_get_new_workers() {
        ParallelEnricher enricher = TestEnricher.oneWorker(Duration.ofMillis(500));
        String story = "MOSCOW, May 26. /TASS/. Sergey Lavrov met the CSTO Secretary General in Moscow.";
        TestEnricher.get().enrich(article(story)); // warm: a story then takes milliseconds
        String slow = TestEnricher.SLOW_TEXT;

        List<ParallelEnricher.Result> results = enricher.enrichAll(List.of(article(story), article(slow), article(story)));

        assertNotNull(results.get(0).article());
        assertNull(results.get(1).article());
        assertTrue(results.get(1).failure().contains("did not finish within 0.5 s"), results.get(1).failure());
        assertNotNull(results.get(2).article(), "queued behind the stuck worker, taken by the new one");
        assertEquals(results.get(0).article().entities(), results.get(2).article().entities());
        assertNotNull(enricher.enrichAll(List.of(article(story))).get(0).article());
    }
}

package org.newspipeline.enrich.date;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle.Publication.DateSource;
import org.newspipeline.contract.EnrichedArticle.Publication.Precision;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.dateline.DatelineParser;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicationDateResolverTest {

    private static PublicationDate resolve(String origin, Instant publishedAt, Instant reference, String text) {
        RawArticle raw = new RawArticle(1, "id", origin, Instant.parse("2024-01-01T00:00:00Z"), reference, null, text,
                null, null, publishedAt, null, null, List.of());
        return PublicationDateResolver.resolve(raw, text, DatelineParser.parse(text.split("\n")[0]));
    }

    @Test
    void a_date_the_sender_gave_wins_and_disagreement_is_recorded() {
        PublicationDate d = resolve("feed:https://example.org/rss", Instant.parse("2020-06-10T08:00:00Z"), null,
                "MOSCOW, May 26. /TASS/. Talks went on.");
        assertEquals(Instant.parse("2020-06-10T08:00:00Z"), d.at());
        assertEquals(DateSource.FEED, d.publication().source());
        assertEquals(Precision.DATETIME, d.publication().precision());
        assertTrue(d.publication().conflicts().get(0).contains("dateline says --05-26"), d.publication().conflicts().toString());
    }

    @Test
    void a_dateline_takes_its_year_from_the_reference_date() {
        PublicationDate d = resolve("inbox:wire.txt", null, Instant.parse("2020-05-27T09:00:00Z"),
                "MOSCOW, May 26. /TASS/. Talks went on in 2020.");
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), d.at());
        assertEquals(DateSource.DATELINE, d.publication().source());
        assertEquals(0.9, d.publication().confidence(), 1e-9);
    }

    @Test
    void a_dateline_after_the_reference_day_plus_one_belongs_to_the_year_before() {
        PublicationDate d = resolve("http", null, Instant.parse("2021-01-02T09:00:00Z"),
                "MOSCOW, December 30. /TASS/. Talks went on.");
        assertEquals(Instant.parse("2020-12-30T00:00:00Z"), d.at());
    }

    @Test
    void without_any_date_the_arrival_is_the_date_with_low_confidence() {
        PublicationDate d = resolve("http", null, null, "Talks went on.");
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), d.at());
        assertEquals(DateSource.RECEIVED, d.publication().source());
        assertEquals(0.2, d.publication().confidence(), 1e-9);
    }
}

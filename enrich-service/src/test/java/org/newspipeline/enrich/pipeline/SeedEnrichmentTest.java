package org.newspipeline.enrich.pipeline;

import org.newspipeline.enrich.support.TestEnricher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Publication.DateSource;
import org.newspipeline.contract.EnrichedArticle.Source.Evidence;
import org.newspipeline.contract.EnrichedArticle.Source.Kind;
import org.newspipeline.contract.RawArticle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference cases: the five seed articles, enriched as the service would. */
class SeedEnrichmentTest {

    static Enricher enricher;

    @BeforeAll
    static void load() {
        enricher = TestEnricher.get();
    }

    static EnrichedArticle enrich(String seed, String referenceDay) throws IOException {
        String text = Files.readString(Path.of("../seeds").resolve(seed));
        Instant reference = LocalDate.parse(referenceDay).atStartOfDay(ZoneOffset.UTC).toInstant();
        return enricher.enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "inbox:" + seed, Instant.now(),
                reference, null, text, null, null, null, null, null, List.of()));
    }

    static LocalDate day(EnrichedArticle a) {
        return a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void tass_un_story() throws IOException {
        EnrichedArticle a = enrich("000_73229fc4cff88dac.txt", "2018-09-27");

        assertEquals("Changes in UN peacekeeping system are overdue — Lavrov", a.title());
        assertEquals("TASS", a.source().name());
        assertEquals(Kind.AGENCY, a.source().kind());
        assertEquals(Evidence.DATELINE, a.source().evidence());
        assertEquals("UN", a.dateline().place());
        assertEquals(LocalDate.of(2018, 9, 26), day(a));
        assertEquals(DateSource.DATELINE, a.publication().source());
        assertEquals("en", a.language());
        assertFalse(a.body().contains("All news"), a.body());
        assertFalse(a.body().contains("Shcherbak"), a.body());
        assertTrue(a.body().contains("Changes in the peacekeeping system of the United Nations are overdue"));
        assertFalse(a.body().contains("UN, September 26. /TASS/."), "dateline stays out of the body");
    }

    @Test
    void belta_story() throws IOException {
        EnrichedArticle a = enrich("001_ebae6af5a4e7e56e.txt", "2020-10-17");

        assertEquals("BelTA", a.source().name());
        assertEquals("VITEBSK DISTRICT", a.dateline().place());
        assertEquals(LocalDate.of(2020, 10, 16), day(a));
        assertTrue(a.publication().confidence() >= 0.85, "the text names 2020: " + a.publication());
        assertTrue(a.title().startsWith("In 2020 the Collective Security Treaty Organization"), a.title());
    }

    @Test
    void mission_statement_has_no_agency_and_a_low_confidence_date() throws IOException {
        EnrichedArticle a = enrich("002_cbbd704be0d123c1.txt", "2021-11-01");

        assertNull(a.source().name());
        assertEquals(Kind.UNKNOWN, a.source().kind());
        assertNull(a.dateline());
        assertEquals(DateSource.FILE, a.publication().source());
        assertTrue(a.publication().confidence() < 0.5);
        assertEquals("Statement of the Permanent Representative of the Republic of Belarus", a.title());
        assertFalse(a.body().contains("Must read"));
    }

    @Test
    void tass_story_with_a_stated_date() throws IOException {
        EnrichedArticle a = enrich("003_05f640fa5dd925e6.txt", "2024-01-01");

        assertEquals("TASS", a.source().name());
        assertEquals("MOSCOW", a.dateline().place());
        assertEquals(LocalDate.of(2020, 5, 26), day(a));
        assertEquals(DateSource.TEXT, a.publication().source());
        assertTrue(a.publication().conflicts().isEmpty(), a.publication().conflicts().toString());
        assertTrue(a.body().startsWith("Russia has offered the countries"), a.body());
    }

    @Test
    void un_meetings_coverage() throws IOException {
        EnrichedArticle a = enrich("004_496a0281fb3336ea.txt", "2024-01-01");

        assertEquals("Cooperation between the United Nations and the Collective Security Treaty Organization- "
                + "Security Council, 8967th Meeting", a.title());
        assertEquals("UN Meetings Coverage", a.source().name());
        assertEquals(Kind.ORGANIZATION, a.source().kind());
        assertEquals(Instant.parse("2022-02-16T02:42:43Z"), a.publishedAt());
        for (String furniture : List.of("Preview Language", "Available Languages", "Personal Subjects", "Parent ID",
                "Asset ID", "Other Formats")) {
            assertFalse(a.body().contains(furniture), furniture);
        }
        assertTrue(a.body().contains("said António Guterres, Secretary-General of the United Nations"));
    }

    @Test
    void reuters_wire_copy() {
        String text = "STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT\n\nCLEVELAND, Feb 26 - Standard Oil Co and BP "
                + "North America\nInc said they plan to form a venture.\n    The venture will be called BP/Standard.\n\n Reuter\n&#3;";
        EnrichedArticle a = enricher.enrich(new RawArticle(1, "r1", "http", Instant.now(),
                Instant.parse("1987-02-27T15:00:00Z"), null, text, null, null, null, null, null, List.of()));

        assertEquals("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT", a.title());
        assertEquals("Reuters", a.source().name());
        assertEquals(Evidence.CREDIT, a.source().evidence());
        assertEquals("CLEVELAND", a.dateline().place());
        assertEquals(LocalDate.of(1987, 2, 26), day(a));
        assertFalse(a.body().contains("Reuter"), a.body());
    }
}

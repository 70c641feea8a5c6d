package org.newspipeline.enrich.pipeline;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.support.TestEnricher;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An article in a language without a recognizer gets no entities, and says so; no English guesses. */
class UnsupportedLanguageTest {

    private static EnrichedArticle enrich(String text, String language) {
        return TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "http", Instant.now(), null,
                null, text, null, null, null, language, null, List.of()));
    }

    @Test
    void a_german_feed_item_yields_no_capitalised_nouns_as_entities() {
        EnrichedArticle a = enrich("Die Entwicklung des Projekts zeigt, wie Daten und Komplexität zusammenhängen. "
                + "Fällige Anpassungen an der Schnittstelle sollen im nächsten Release folgen, dass die Entwickler "
                + "weniger Aufwand haben.", null);
        assertEquals("de", a.language(), "detected");
        assertEquals(List.of(), a.entities());
        assertTrue(a.skipped().stream().anyMatch(s -> s.contains("entityLanguage: unsupported")), a.skipped().toString());
    }

    @Test
    void english_still_gets_its_entities() {
        EnrichedArticle a = enrich("MOSCOW, May 26. /TASS/. Sergey Lavrov met Antonio Guterres in New York on Tuesday.", "en");
        assertTrue(a.entities().stream().anyMatch(e -> e.name().equals("Sergey Lavrov")), a.entities().toString());
    }
}

package org.newspipeline.enrich.pipeline;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.language.LanguageDetector;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.source.SourceRegistry;
import org.newspipeline.enrich.support.TestEnricher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each language's entities come from its own model (English, German, Spanish, French); an article
 * in a language without one gets none, and says so; no English guesses.
 */
class EntityLanguageTest {

    private static EnrichedArticle enrich(String text, String language) {
        return TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "http", Instant.now(), null,
                null, text, null, null, null, language, null, List.of()));
    }

    private static Map<String, String> typesByName(EnrichedArticle a) {
        return a.entities().stream().collect(Collectors.toMap(EnrichedArticle.Entity::name, e -> e.type().name()));
    }

    @Test
    void a_doubtful_language_is_settled_by_little_words_and_never_given_to_the_english_model_when_another_is_likelier() {
        assertEquals("fr", Enricher.modelLanguage(new LanguageDetector.Detection("fr", true, true, null), "Ein Satz."));
        assertEquals(null, Enricher.modelLanguage(new LanguageDetector.Detection("fr", false, true, null), "Ein Satz."));
        assertEquals("de", Enricher.modelLanguage(new LanguageDetector.Detection("de", false, false, null), "Ein Satz."));
        assertEquals("de", Enricher.modelLanguage(new LanguageDetector.Detection("en", false, false, "de"), "Ein Satz."));
        assertEquals("en", Enricher.modelLanguage(new LanguageDetector.Detection("en", false, false, null), "Ein Satz."));
        assertEquals("en", Enricher.modelLanguage(new LanguageDetector.Detection("pt", false, false, null), "Ein Satz."));
        assertEquals("xx", Enricher.modelLanguage(LanguageDetector.Detection.stated("xx"), "Ein Satz."));
        assertEquals("en", Enricher.modelLanguage(null, "Ein Satz."));
        // A line-up is read by the English model whatever its names look like.
        assertEquals("en", Enricher.modelLanguage(new LanguageDetector.Detection("de", false, true, null),
                "Austria : Michael Konsel , Markus Schopp , Peter Schoettel , Anton Pfeffer ."));
    }

    @Test
    void a_german_feed_item_yields_no_capitalised_nouns_as_entities() {
        EnrichedArticle a = enrich("Die Entwicklung des Projekts zeigt, wie Daten und Komplexität zusammenhängen. "
                + "Fällige Anpassungen an der Schnittstelle sollen im nächsten Release folgen, dass die Entwickler "
                + "weniger Aufwand haben.", null);
        assertEquals("de", a.language(), "detected");
        assertEquals(List.of(), a.entities());
        assertFalse(a.skipped().stream().anyMatch(s -> s.contains("entityLanguage")), a.skipped().toString());
    }

    @Test
    void a_short_german_feed_summary_is_told_german_by_its_title_and_text() {
        EnrichedArticle a = TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "feed:heise",
                Instant.now(), null, "Neue Version der Entwicklungsumgebung erschienen",
                "Die Teilnehmer können Vorträge einreichen. Doch die Aufgabe ist groß, denn die Menge der Besitzer wächst.",
                null, null, null, null, null, List.of()));
        assertEquals("de", a.language(), "a 100-character summary with its title");
        assertEquals(List.of(), a.entities(), "no German nouns read as names by the English model");
    }

    @Test
    void german_names_come_from_the_german_model_hyphenated_compounds_are_not_names() {
        EnrichedArticle a = enrich("Bundeskanzler Olaf Scholz hat am Montag in Berlin mit dem französischen Präsidenten "
                + "Emmanuel Macron über die Lage in der Ukraine gesprochen. Die SPD-Fraktion und die Deutsche Bahn "
                + "begrüßten das Treffen im Kanzleramt.", null);
        assertEquals("de", a.language());
        Map<String, String> found = typesByName(a);
        assertEquals("PERSON", found.get("Olaf Scholz"), found.toString());
        assertEquals("PERSON", found.get("Emmanuel Macron"), found.toString());
        assertEquals("LOCATION", found.get("Berlin"), found.toString());
        assertEquals("LOCATION", found.get("Ukraine"), found.toString());
        assertFalse(found.containsKey("SPD"), "a part of the compound SPD-Fraktion: " + found);
        assertFalse(found.keySet().stream().anyMatch(n -> n.equals("Montag") || n.equals("Lage") || n.equals("Treffen")), found.toString());
    }

    @Test
    void spanish_and_french_names_come_from_their_models() {
        Map<String, String> es = typesByName(enrich("El presidente del Gobierno, Pedro Sánchez, se reunió el martes en "
                + "Madrid con el secretario general de la OTAN para hablar de la guerra en Ucrania.", null));
        assertEquals("PERSON", es.get("Pedro Sánchez"), es.toString());
        assertEquals("LOCATION", es.get("Madrid"), es.toString());

        Map<String, String> fr = typesByName(enrich("Le président Emmanuel Macron a reçu mardi à Paris le secrétaire "
                + "général des Nations unies pour parler de la situation au Proche-Orient.", null));
        assertEquals("PERSON", fr.get("Emmanuel Macron"), fr.toString());
        assertEquals("LOCATION", fr.get("Paris"), fr.toString());
    }

    @Test
    void a_language_without_a_model_gets_no_entities_and_says_so() {
        EnrichedArticle a = enrich("O presidente Luiz Inácio Lula da Silva disse nesta terça-feira em Brasília que o "
                + "governo vai anunciar novas medidas econômicas para conter a inflação nos próximos meses.", null);
        assertEquals("pt", a.language(), "detected");
        assertEquals(List.of(), a.entities());
        assertTrue(a.skipped().stream().anyMatch(s -> s.contains("entityLanguage: unsupported")), a.skipped().toString());
    }

    @Test
    void a_language_left_out_by_the_operator_gets_no_entities() {
        Enricher englishOnly = Enricher.standard(SourceRegistry.bundled(), () -> EntityCatalog.load(Optional.empty()), Set.of("en"));
        EnrichedArticle a = englishOnly.enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "http", Instant.now(), null,
                null, "Bundeskanzler Olaf Scholz hat am Montag in Berlin mit Emmanuel Macron gesprochen.", null, null, null,
                "de", null, List.of()));
        assertEquals(List.of(), a.entities());
        assertTrue(a.skipped().stream().anyMatch(s -> s.contains("entityLanguage: unsupported")), a.skipped().toString());
    }

    @Test
    void english_still_gets_its_entities() {
        EnrichedArticle a = enrich("MOSCOW, May 26. /TASS/. Sergey Lavrov met Antonio Guterres in New York on Tuesday.", "en");
        assertTrue(a.entities().stream().anyMatch(e -> e.name().equals("Sergey Lavrov")), a.entities().toString());
    }

    @Test
    void a_short_german_text_gets_german_entities_or_none_never_english_guesses() {
        String text = "Angela Merkel besuchte am Montag die Stadt München.";
        for (String stated : java.util.Arrays.asList("de", null)) {
            Map<String, String> types = typesByName(enrich(text, stated));
            assertEquals("PERSON", types.get("Angela Merkel"), stated + ": " + types);
            assertEquals(null, types.get("Montag"), stated + ": " + types);
            assertEquals(null, types.get("Stadt München"), stated + ": " + types);
        }
    }
}

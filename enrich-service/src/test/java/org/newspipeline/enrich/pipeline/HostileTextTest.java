package org.newspipeline.enrich.pipeline;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.entity.BoundedRecognition;
import org.newspipeline.enrich.support.TestEnricher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texts that once stopped a worker for minutes or exhausted the heap. The limit below only
 * catches a hang; how long each takes is printed (the preview's 10 s goal is checked there).
 */
class HostileTextTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    private static EnrichedArticle enrich(String label, String body, Instant publishedAt, Instant reference) {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "hostile", "http", Instant.now(), reference, null,
                body, null, null, publishedAt, null, null, List.of());
        return assertTimeoutPreemptively(HANG, () -> {
            long start = System.nanoTime();
            EnrichedArticle a = TestEnricher.get().enrich(raw);
            System.out.printf("%s (%,d chars): %d ms%n", label, body.length(), (System.nanoTime() - start) / 1_000_000);
            return a;
        });
    }

    @Test
    void hyphenated_runs_are_enriched_with_a_recorded_cut() {
        EnrichedArticle a = enrich("abc- x 50,000", "abc-".repeat(50_000), null, null);
        assertTrue(a.skipped().stream().anyMatch(s -> s.startsWith("entities: searched in the first")), a.skipped().toString());
    }

    @Test
    void commas_without_spaces_are_bounded() {
        enrich("a, x 200,000", "a,".repeat(200_000), null, null);
    }

    @Test
    void an_endless_sentence_of_abbreviations_does_not_exhaust_the_heap() {
        EnrichedArticle a = enrich("Abc. x 50,000", "Abc. ".repeat(50_000), null, null);
        assertFalse(a.body().isEmpty());
    }

    @Test
    void one_word_of_300_kb_does_not_exhaust_the_heap() {
        enrich("one 300 KB word", "x".repeat(300_000), null, null);
        enrich("one capitalised 300 KB word", "A".repeat(300_000) + "x", null, null);
    }

    @Test
    void capitalised_words_without_end_are_bounded() {
        EnrichedArticle a = enrich("Capitalised x 100,000", "Alpha Beta Gamma Delta ".repeat(25_000), null, null);
        assertTrue(a.entities().stream().mapToInt(e -> e.mentions().size()).sum() <= BoundedRecognition.MAX_MENTIONS);
    }

    @Test
    void a_last_line_of_dots_and_spaces_is_read_in_linear_time() {
        enrich("dots then x 500,000", ".".repeat(500_000) + "x", null, null);
        enrich("dot space then x 500,000", ". ".repeat(250_000) + "x", null, null);
        // Every capital after a dot could start a photo credit ("J.K. Rowling/TASS").
        enrich("A. then x 120,000", "zqx hostile test\n" + "A.".repeat(60_000), null, null);
        enrich("Aa-Bb. 120,000", "Aa-Bb.".repeat(20_000), null, null);
    }

    @Test
    void emoji_without_spaces_are_never_cut_between_the_halves_of_a_pair() {
        // Odd offsets: the title's and the recognizer pieces' length limits fall inside a pair.
        EnrichedArticle a = enrich("x and emoji 3,000", "x" + "\uD83D\uDE00".repeat(3_000) + " Sergey Lavrov spoke.", null, null);
        assertFalse(Character.isHighSurrogate(a.title().charAt(a.title().length() - 2)), a.title());
        assertTrue(new String(ContractJson.write(a), StandardCharsets.UTF_8).contains("\"title\""));
    }

    @Test
    void an_absurd_publication_date_is_dropped_with_a_conflict() {
        EnrichedArticle a = enrich("year 9000", "MOSCOW, May 26. /TASS/. Talks went on.",
                Instant.parse("9000-01-01T00:00:00Z"), null);
        assertNull(a.publishedAt());
        assertTrue(a.publication().conflicts().stream().anyMatch(c -> c.contains("implausible")));
    }

    @Test
    void an_absurd_reference_date_does_not_fail() {
        EnrichedArticle a = enrich("reference year 9999", "MOSCOW, May 26. /TASS/. Talks went on.", null,
                Instant.parse("9999-12-31T23:59:59Z"));
        assertNull(a.publishedAt());
    }
}

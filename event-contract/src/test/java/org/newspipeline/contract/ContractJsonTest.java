package org.newspipeline.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractJsonTest {

    @Test
    void raw_article_survives_a_round_trip() {
        RawArticle article = new RawArticle(1, "abc", "http", Instant.parse("2020-05-27T10:00:00Z"), null,
                "Title", "Body text", "https://example.org/a", "TASS", Instant.parse("2020-05-26T00:00:00Z"),
                "en", null, List.of("politics"));

        RawArticle back = ContractJson.read(ContractJson.write(article), RawArticle.class);

        assertEquals(article, back);
    }

    @Test
    void the_documented_minimal_raw_payload_is_readable() {
        String json = """
                {"schemaVersion":1,"id":"x1","origin":"http","receivedAt":"2024-01-01T00:00:00Z",
                 "body":"Some text","someFutureField":true}""";

        RawArticle article = ContractJson.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class);

        assertEquals("x1", article.id());
        assertEquals(List.of(), article.categories());
    }

    @Test
    void rejects_a_blank_body_with_a_reason() {
        String json = """
                {"schemaVersion":1,"id":"x1","origin":"http","receivedAt":"2024-01-01T00:00:00Z","body":"  "}""";

        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ContractJson.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class));
        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }

    @Test
    void rejects_a_newer_schema_version() {
        String json = """
                {"schemaVersion":99,"id":"x1","origin":"http","receivedAt":"2024-01-01T00:00:00Z","body":"b"}""";

        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ContractJson.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class));
        assertTrue(e.getMessage().contains("schemaVersion 99"), e.getMessage());
    }

    @Test
    void rejects_what_is_not_json() {
        assertThrows(InvalidPayloadException.class,
                () -> ContractJson.read("not json".getBytes(StandardCharsets.UTF_8), EnrichedArticle.class));
        assertThrows(InvalidPayloadException.class, () -> ContractJson.read(null, EnrichedArticle.class));
    }

    private static String rawWith(String field, String json) {
        return """
                {"schemaVersion":1,"id":"x1","origin":"http","receivedAt":"2024-01-01T00:00:00Z","body":"b",%s}"""
                .formatted("\"" + field + "\":" + json);
    }

    private static String reasonFor(String json) {
        return assertThrows(InvalidPayloadException.class,
                () -> ContractJson.read(json.getBytes(StandardCharsets.UTF_8), RawArticle.class)).getMessage();
    }

    @Test
    void text_that_no_database_stores_is_refused_naming_the_field() {
        assertTrue(reasonFor(rawWith("title", "\"a\\u0000b\"")).contains("'title': text contains a NUL"),
                reasonFor(rawWith("title", "\"a\\u0000b\"")));
        assertTrue(reasonFor(rawWith("author", "\"\\uD800\"")).contains("'author': text contains an unpaired surrogate"));
        assertTrue(reasonFor(rawWith("categories", "[\"ok\", \"\\uDC00x\"]")).contains("'categories.[1]'"));
    }

    @Test
    void text_fields_must_be_strings() {
        assertTrue(reasonFor(rawWith("title", "42")).contains("'title': must be a string, not a number"));
        assertTrue(reasonFor(rawWith("source", "true")).contains("'source': must be a string, not a boolean"));
    }

    @Test
    void instants_outside_the_years_1_to_9999_are_refused() {
        assertTrue(reasonFor(rawWith("publishedAt", "\"+294277-01-01T00:00:00Z\"")).contains("'publishedAt'"));
        assertTrue(reasonFor(rawWith("referenceDate", "\"-5000-01-01T00:00:00Z\"")).contains("outside the years"));
        assertEquals(Instant.parse("9999-12-31T00:00:00Z"), ContractJson.read(rawWith("publishedAt",
                "\"9999-12-31T00:00:00Z\"").getBytes(StandardCharsets.UTF_8), RawArticle.class).publishedAt());
    }

    @Test
    void plausible_dates_run_from_1800_to_two_days_ahead() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), ArticleDates.parsePlausible("publishedAt", "2020-05-26", clock));
        assertEquals(Instant.parse("2026-12-02T21:00:00Z"),
                ArticleDates.parsePlausible("publishedAt", "2026-12-03T00:00:00+03:00", clock));
        for (String absurd : List.of("1799-12-31", "2026-12-03T00:00:01Z", "+999999999-01-01T00:00:00Z", "0000-01-01")) {
            var e = assertThrows(IllegalArgumentException.class, () -> ArticleDates.parsePlausible("publishedAt", absurd, clock));
            assertTrue(e.getMessage().startsWith("'publishedAt' must lie between"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArticleDates.parsePlausible("receivedAt", "26.05.2020", clock))
                .getMessage().startsWith("'receivedAt' is not an ISO-8601"));
    }

    @Test
    void payload_text_accepts_pairs_and_finds_what_is_wrong() {
        assertEquals(Optional.empty(), PayloadText.problem("Москва 😀 ok"));
        assertEquals(Optional.of("contains a NUL character at index 1"), PayloadText.problem("a\0"));
        assertEquals(Optional.of("contains an unpaired surrogate at index 2"), PayloadText.problem("ab\uD83D"));
        assertEquals(Optional.of("contains an unpaired surrogate at index 0"), PayloadText.problem("\uDE00b"));
    }
}

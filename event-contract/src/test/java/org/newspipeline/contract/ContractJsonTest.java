package org.newspipeline.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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
}

package org.newspipeline.query.materialize;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.DatabaseControl;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;
import org.newspipeline.testing.TraceParent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.entity;
import static org.newspipeline.query.Articles.publish;

/**
 * Materializing {@code articles.enriched}: idempotent upserts and tombstones; one bad record never
 * stops it; a database that is away only pauses it.
 */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class EnrichedArticleConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String reason(ConsumerRecord<String, byte[]> dead) {
        return TestTopics.header(dead, "dead-letter-reason");
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void storing_an_article_is_a_span_in_the_trace_its_record_carries() throws Exception {
        String id = "traced-" + UUID.randomUUID();
        TraceParent enrich = TraceParent.random();
        TestTopics.send(Topics.ENRICHED, id, ContractJson.write(article(id, 1, "Traced", "Traced body")),
                TraceParent.HEADER, enrich.header());
        awaitTitle(id, "Traced");

        enrich.awaitChild(spans, "store", id, WAIT);
    }

    @Test
    void replaying_and_older_versions_change_nothing() {
        String id = "v-" + UUID.randomUUID();
        publish(article(id, 2, "Version two", "Body two"));
        awaitTitle(id, "Version two");

        publish(article(id, 1, "Version one", "Body one"));
        publish(article(id, 2, "Version two", "Body two"));
        publish(article(id, 2, Instant.parse("2019-01-01T00:00:00Z"), "Enriched earlier", "Body", "TASS",
                "2020-05-26", List.of()));
        String marker = "m-" + UUID.randomUUID();
        publish(article(marker, 1, "Marker", "Marker body"));
        awaitTitle(marker, "Marker");

        given().get("/articles/{id}", id).then().body("title", equalTo("Version two"));
    }

    @Test
    void a_tombstone_deletes_the_article() {
        String id = "t-" + UUID.randomUUID();
        publish(article(id, 1, "To be deleted", "Body"));
        awaitTitle(id, "To be deleted");

        TestTopics.send(Topics.ENRICHED, id, null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/articles/{id}", id).then().statusCode(404));
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic() {
        String key = "poison-" + UUID.randomUUID();
        TestTopics.send(Topics.ENRICHED, key, "[]".getBytes(StandardCharsets.UTF_8));

        var dead = TestTopics.awaitKey(Topics.ENRICHED_DLQ, key, Duration.ofSeconds(20));
        assertTrue(reason(dead).contains("EnrichedArticle"), reason(dead));
    }

    @Test
    void an_article_postgresql_refuses_goes_alone_to_the_dlq_and_the_others_are_stored() {
        String before = "before-" + UUID.randomUUID();
        String poison = "refused-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        // An entity name no btree index can hold, whatever its compression: PostgreSQL refuses the row.
        byte[] random = new byte[12_000];
        new SecureRandom().nextBytes(random);
        String hugeName = HexFormat.of().formatHex(random);

        publish(article(before, 1, "Stored before", "Body"));
        publish(article(poison, 1, Instant.now(), "Refused", "Body", "TASS", "2020-05-26",
                List.of(entity(hugeName, EnrichedArticle.Entity.Type.PERSON))));
        publish(article(after, 1, "Stored after", "Body"));

        awaitTitle(before, "Stored before");
        awaitTitle(after, "Stored after");
        ConsumerRecord<String, byte[]> dead = TestTopics.awaitKey(Topics.ENRICHED_DLQ, poison, WAIT);
        assertTrue(reason(dead).startsWith("PostgreSQL refused the article: SQLSTATE 54000"), reason(dead));
        given().get("/articles/{id}", poison).then().statusCode(404);
    }

    @Test
    void values_from_a_foreign_producer_that_cannot_be_stored_go_to_the_dlq() {
        String farFuture = "future-" + UUID.randomUUID();
        String surrogate = "surrogate-" + UUID.randomUUID();
        String template = new String(ContractJson.write(article("ID", 1, "Title", "Body")), StandardCharsets.UTF_8);

        TestTopics.send(Topics.ENRICHED, farFuture, template.replace("\"ID\"", "\"" + farFuture + "\"")
                .replace("\"2020-05-26T00:00:00Z\"", "\"+294277-01-01T00:00:00Z\"").getBytes(StandardCharsets.UTF_8));
        TestTopics.send(Topics.ENRICHED, surrogate, template.replace("\"ID\"", "\"" + surrogate + "\"")
                .replace("\"Title\"", "\"\\uD800\"").getBytes(StandardCharsets.UTF_8));

        assertTrue(reason(TestTopics.awaitKey(Topics.ENRICHED_DLQ, farFuture, WAIT)).contains("'publishedAt'"));
        assertTrue(reason(TestTopics.awaitKey(Topics.ENRICHED_DLQ, surrogate, WAIT)).contains("'title': text contains an unpaired surrogate"));

        // Left out by the sender: a source's kind means it does not know; an entity's type cannot be guessed.
        String noKind = "no-kind-" + UUID.randomUUID();
        String noType = "no-type-" + UUID.randomUUID();
        TestTopics.send(Topics.ENRICHED, noKind, template.replace("\"ID\"", "\"" + noKind + "\"")
                .replace("\"kind\":\"AGENCY\"", "\"kind\":null").getBytes(StandardCharsets.UTF_8));
        String withEntity = new String(ContractJson.write(article(noType, 1, Instant.now(), "Typed", "Body", "TASS", "2020-05-26",
                List.of(entity("Sergey Lavrov", EnrichedArticle.Entity.Type.PERSON)))), StandardCharsets.UTF_8);
        assertTrue(withEntity.contains("\"type\":\"PERSON\""), withEntity);
        TestTopics.send(Topics.ENRICHED, noType, withEntity.replace("\"type\":\"PERSON\"", "\"type\":null")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(reason(TestTopics.awaitKey(Topics.ENRICHED_DLQ, noType, WAIT)).contains("entity type"));
        awaitTitle(noKind, "Title");
        given().get("/articles/{id}", noKind).then().statusCode(200).body("source.kind", equalTo("UNKNOWN"));

        String next = "next-" + UUID.randomUUID();
        publish(article(next, 1, "Next", "Body"));
        awaitTitle(next, "Next");
    }

    @Test
    void dead_letters_are_listed_and_redriven_back_to_their_topic() {
        String poison = "redriven-" + UUID.randomUUID();
        TestTopics.send(Topics.ENRICHED, poison, "{\"not\":\"an article\"}".getBytes(StandardCharsets.UTF_8));
        TestTopics.awaitKey(Topics.ENRICHED_DLQ, poison, WAIT);

        given().get("/dlq").then().statusCode(200)
                .body("topic", equalTo(Topics.ENRICHED_DLQ))
                .body("count", greaterThanOrEqualTo(1))
                .body("newest.key", hasItem(poison));
        int redriven = given().post("/dlq/redrive").then().statusCode(200)
                .body("to", equalTo(Topics.ENRICHED)).extract().path("redriven");
        assertTrue(redriven >= 1);

        // It fails again and comes back: two dead letters for that key now.
        await().atMost(WAIT).until(() -> TestTopics.count(Topics.ENRICHED_DLQ, r -> poison.equals(r.key())) == 2);
        given().get("/dlq").then().body("notRedriven", greaterThanOrEqualTo(1));
    }

    @Test
    void while_postgresql_is_away_readiness_is_down_and_articles_wait_for_it() {
        var control = SharedInfrastructure.get().databaseControl();
        assumeTrue(control.isPresent(), "only the embedded PostgreSQL can be stopped by the test");
        DatabaseControl database = control.get();
        String id = "waits-" + UUID.randomUUID();

        database.stopImmediately();
        try {
            publish(article(id, 1, "Stored once the database is back", "Body"));
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
        } finally {
            database.start();
        }
        awaitTitle(id, "Stored once the database is back");
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}

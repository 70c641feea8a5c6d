package org.newspipeline.enrich.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.deadletter.DeadLetterConfig;
import org.newspipeline.deadletter.DeadLetterQueue;
import org.newspipeline.deadletter.DeadLetters;
import org.newspipeline.deadletter.RedriveRunningException;
import org.newspipeline.testing.PipelineTestResource;
import org.newspipeline.trace.ArticleTraces;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;
import org.newspipeline.testing.TraceParent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PipelineTestResource.class)
class RawArticleProcessorTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_raw_article_is_enriched_and_published_under_the_same_key() {
        String id = "enrich-" + UUID.randomUUID();
        RawArticle raw = new RawArticle(1, id, "http", Instant.now(), Instant.parse("2020-05-27T00:00:00Z"), null,
                "MOSCOW, May 26. /TASS/. Russia has offered the countries of the CSTO to consider measures.",
                null, null, null, null, null, List.of());

        TestTopics.send(Topics.RAW, id, ContractJson.write(raw));

        ConsumerRecord<String, byte[]> record = TestTopics.awaitKey(Topics.ENRICHED, id, WAIT);
        EnrichedArticle enriched = ContractJson.read(record.value(), EnrichedArticle.class);
        assertEquals("TASS", enriched.source().name());
        assertEquals("MOSCOW", enriched.dateline().place());
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), enriched.publishedAt());
        assertEquals(EnrichedArticle.CLOUD_EVENT_TYPE, TestTopics.header(record, "ce_type"));
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void an_article_stays_in_the_trace_its_raw_record_carries() throws Exception {
        String id = "traced-" + UUID.randomUUID();
        TraceParent ingest = TraceParent.random();
        TestTopics.send(Topics.RAW, id, ContractJson.write(new RawArticle(1, id, "http", Instant.now(), null, null,
                "A story followed from ingest to the store.", null, null, null, null, null, List.of())),
                TraceParent.HEADER, ingest.header());

        ConsumerRecord<String, byte[]> record = TestTopics.awaitKey(Topics.ENRICHED, id, WAIT);

        assertEquals(ingest.traceId(), TraceParent.traceIdOf(TestTopics.header(record, TraceParent.HEADER)));
        ingest.awaitChild(spans, "enrich", id, WAIT);
    }

    @Test
    void a_record_that_is_not_a_raw_article_goes_to_the_dead_letter_topic_and_the_consumer_carries_on() {
        String poison = "poison-" + UUID.randomUUID();
        TestTopics.send(Topics.RAW, poison, "{not json".getBytes(StandardCharsets.UTF_8));
        String good = "after-poison-" + UUID.randomUUID();
        RawArticle raw = new RawArticle(1, good, "http", Instant.now(), null, null, "Some text that follows.",
                null, null, null, null, null, List.of());
        TestTopics.send(Topics.RAW, good, ContractJson.write(raw));

        ConsumerRecord<String, byte[]> dead = TestTopics.awaitKey(Topics.RAW_DLQ, poison, WAIT);
        String reason = TestTopics.header(dead, "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("RawArticle"), reason);
        TestTopics.awaitKey(Topics.ENRICHED, good, WAIT);
    }

    @Test
    void records_that_cannot_be_stored_downstream_are_dead_lettered_and_can_be_redriven() {
        String farFuture = "far-future-" + UUID.randomUUID();
        TestTopics.send(Topics.RAW, farFuture, ("""
                {"schemaVersion":1,"id":"%s","origin":"http","receivedAt":"2024-01-01T00:00:00Z",
                 "body":"Text","publishedAt":"+294277-01-01T00:00:00Z"}""".formatted(farFuture)).getBytes(StandardCharsets.UTF_8));
        String surrogate = "surrogate-" + UUID.randomUUID();
        TestTopics.send(Topics.RAW, surrogate, ("""
                {"schemaVersion":1,"id":"%s","origin":"http","receivedAt":"2024-01-01T00:00:00Z",
                 "body":"Text \\uDC00 more"}""".formatted(surrogate)).getBytes(StandardCharsets.UTF_8));

        assertTrue(TestTopics.header(TestTopics.awaitKey(Topics.RAW_DLQ, farFuture, WAIT), "dead-letter-reason")
                .contains("'publishedAt'"));
        assertTrue(TestTopics.header(TestTopics.awaitKey(Topics.RAW_DLQ, surrogate, WAIT), "dead-letter-reason")
                .contains("'body': text contains an unpaired surrogate"));
        given().get("/dlq").then().statusCode(200).body("topic", equalTo(Topics.RAW_DLQ))
                .body("newest.key", hasItem(surrogate));

        int redriven = given().post("/dlq/redrive").then().statusCode(200).extract().path("redriven");
        assertTrue(redriven >= 2, "redriven: " + redriven);
        await().atMost(WAIT).until(() -> TestTopics.count(Topics.RAW_DLQ, r -> surrogate.equals(r.key())) == 2);
    }

    @Inject
    ParallelEnricher enricher;
    @Inject
    ArticleTraces traces;
    @Inject
    @Channel("enriched-articles")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = RawArticleProcessor.IN_FLIGHT)
    MutinyEmitter<EnrichedArticle> enrichedArticles;

    @Test
    void when_kafka_refuses_the_service_the_batch_waits_and_no_healthy_record_is_dead_lettered() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "refused-" + run + "-" + i;
            healthy.add(id);
            batch.add(new ConsumerRecord<>(Topics.RAW, 0, i, id, ContractJson.write(new RawArticle(1, id, "http",
                    Instant.now(), null, null, "A story enriched while the broker refuses the service " + run + ".",
                    null, null, null, null, null, List.of()))));
        }
        String poison = "refused-poison-" + run;
        batch.add(new ConsumerRecord<>(Topics.RAW, 0, 3, poison, "{not json".getBytes(StandardCharsets.UTF_8)));
        // The broker refuses the first sends as it would an expired credential or a revoked ACL.
        AtomicInteger refusals = new AtomicInteger(4);
        RawArticleProcessor processor = new RawArticleProcessor(enricher, deadLetters,
                new RefusingEmitter(enrichedArticles, refusals), traces, new SimpleMeterRegistry());

        processor.process(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.RAW, 0), batch), Map.of()));

        assertEquals(-healthy.size(), refusals.get(), "four refused sends, then one accepted per record");
        for (String id : healthy) {
            TestTopics.awaitKey(Topics.ENRICHED, id, WAIT);
        }
        TestTopics.awaitKey(Topics.RAW_DLQ, poison, WAIT);
        assertEquals(0, TestTopics.count(Topics.RAW_DLQ, r -> healthy.contains(r.key())),
                "a healthy record of the batch was dead-lettered");
    }

    /** The channel's emitter, except that Kafka refuses its sends while {@code refusals} lasts. */
    private record RefusingEmitter(MutinyEmitter<EnrichedArticle> kafka, AtomicInteger refusals)
            implements MutinyEmitter<EnrichedArticle> {

        @Override
        public <M extends Message<? extends EnrichedArticle>> Uni<Void> sendMessage(M message) {
            return refusals.getAndDecrement() > 0
                    ? Uni.createFrom().failure(new TopicAuthorizationException(Set.of(Topics.ENRICHED)))
                    : kafka.sendMessage(message);
        }

        @Override
        public Uni<Void> send(EnrichedArticle payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(EnrichedArticle payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(EnrichedArticle payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends EnrichedArticle>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends EnrichedArticle>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends EnrichedArticle>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void error(Exception e) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    @Inject
    DeadLetterConfig deadLetterConfig;
    @Inject
    DeadLetters deadLetters;

    @Test
    void redrives_at_once_are_409_with_the_running_ones_progress_and_nothing_is_resent() throws Exception {
        String run = deadLettersOfAnOutage(3_000);
        List<CompletableFuture<io.restassured.response.Response>> redrives = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            redrives.add(CompletableFuture.supplyAsync(() -> given().post("/dlq/redrive")));
        }
        int redriven = 0;
        int refused = 0;
        for (CompletableFuture<io.restassured.response.Response> r : redrives) {
            io.restassured.response.Response answer = r.get(2, TimeUnit.MINUTES);
            if (answer.statusCode() == 409) {
                refused++;
                assertEquals("application/problem+json", answer.contentType());
                assertTrue(answer.jsonPath().getString("detail").contains("a redrive of " + Topics.RAW_DLQ + " is running"),
                        answer.asString());
            } else {
                assertEquals(200, answer.statusCode(), answer.asString());
                redriven += answer.jsonPath().getInt("redriven");
            }
        }
        assertTrue(refused >= 1, "every redrive ran, none was refused");
        assertTrue(redriven >= 3_000, "redriven: " + redriven);
        assertEachPutBackOnce(run, 3_000);
    }

    @Test
    void two_replicas_redriving_at_once_put_each_record_back_once() throws Exception {
        String run = deadLettersOfAnOutage(3_000);
        // Another replica: its own queue object on the same topic, group and transactional id.
        DeadLetterQueue other = new DeadLetterQueue(deadLetterConfig, deadLetters);
        CompletableFuture<String> here = CompletableFuture.supplyAsync(() -> given().post("/dlq/redrive").asString());
        CompletableFuture<String> there = CompletableFuture.supplyAsync(() -> {
            try {
                return "redriven " + other.redrive().redriven();
            } catch (RedriveRunningException e) {
                return "refused: " + e.getMessage();
            }
        });
        System.out.println("two replicas: " + here.get(2, TimeUnit.MINUTES) + " / " + there.get(2, TimeUnit.MINUTES));
        assertEachPutBackOnce(run, 3_000);
    }

    /** Valid raw articles on the dead-letter topic, as an outage downstream would have left them. */
    private static String deadLettersOfAnOutage(int records) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> letters = new HashMap<>();
        for (int i = 0; i < records; i++) {
            String id = "redrive-" + run + "-" + i;
            letters.put(id, ContractJson.write(new RawArticle(1, id, "http", Instant.now(), null, null,
                    "Text of a record dead-lettered during an outage " + run + " " + i + ".", null, null, null, null, null,
                    List.of())));
        }
        TestTopics.sendAll(Topics.RAW_DLQ, letters);
        return run;
    }

    /** Every record is back on articles.raw, once, as its consumers read it (committed records only). */
    private static void assertEachPutBackOnce(String run, int records) {
        int[] copies = new int[records];
        await().atMost(WAIT).until(() -> {
            java.util.Arrays.fill(copies, 0);
            TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.RAW, r -> {
                if (r.key() != null && r.key().startsWith("redrive-" + run + "-")) {
                    copies[Integer.parseInt(r.key().substring(r.key().lastIndexOf('-') + 1))]++;
                }
            });
            return java.util.Arrays.stream(copies).allMatch(c -> c >= 1);
        });
        assertTrue(java.util.Arrays.stream(copies).allMatch(c -> c == 1), "a record was put back more than once");
    }
}

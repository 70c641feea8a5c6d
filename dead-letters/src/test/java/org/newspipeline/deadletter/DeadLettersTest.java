package org.newspipeline.deadletter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dead letters and their redrive on a real broker, each test on topics of its own. */
class DeadLettersTest {

    private record Config(String topic, String sourceTopic, String redriveGroup) implements DeadLetterConfig {
    }

    private Config config;
    private DeadLetters deadLetters;

    @BeforeEach
    void topicsOfItsOwn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        config = new Config("dlq-test-" + run, "source-test-" + run, "redrive-test-" + run);
        Map<String, Object> kafka = Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(config.topic(), 2, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_DEAD_LETTER_BYTES))),
                    new NewTopic(config.sourceTopic(), 2, (short) 1))).all().get();
        }
        deadLetters = new DeadLetters(config, kafka, new SimpleMeterRegistry());
    }

    @Test
    void a_dead_letter_says_why_and_where_from_and_keeps_the_records_own_headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", bytes("news.article.raw"));
        headers.add(DeadLetters.REASON, bytes("an older reason, from a redrive before"));
        deadLetters.send(record(7, "k1", bytes("{not json"), headers), "R".repeat(DeadLetters.MAX_REASON_CHARS + 10));

        ConsumerRecord<String, byte[]> dead = only(config.topic());
        assertEquals("k1", dead.key());
        assertArrayEquals(bytes("{not json"), dead.value());
        assertEquals("news.article.raw", TestTopics.header(dead, "ce_type"));
        assertEquals("R".repeat(DeadLetters.MAX_REASON_CHARS) + "…", TestTopics.header(dead, DeadLetters.REASON));
        assertEquals(1, count(dead, DeadLetters.REASON), "the older reason is replaced, not added to");
        assertEquals(config.sourceTopic(), TestTopics.header(dead, DeadLetters.TOPIC));
        assertEquals("1", TestTopics.header(dead, DeadLetters.PARTITION));
        assertEquals("7", TestTopics.header(dead, DeadLetters.OFFSET));
        assertNull(TestTopics.header(dead, DeadLetters.ORIGINAL_SIZE));
    }

    @Test
    void a_redrive_puts_back_what_came_since_the_last_one_without_its_dead_letter_headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", bytes("news.article.raw"));
        deadLetters.send(record(1, "first", bytes("one"), headers), "the enricher failed");
        deadLetters.send(record(2, "second", bytes("two"), new RecordHeaders()), "the enricher failed");
        DeadLetterQueue queue = new DeadLetterQueue(config, deadLetters);
        assertEquals(2, queue.summary(10).notRedriven());

        DeadLetterQueue.Redrive redrive = queue.redrive();

        assertEquals(new DeadLetterQueue.Redrive(config.topic(), config.sourceTopic(), 2, 0), redrive);
        List<ConsumerRecord<String, byte[]>> back = all(config.sourceTopic());
        assertEquals(List.of("first", "second"), back.stream().map(ConsumerRecord::key).sorted().toList());
        ConsumerRecord<String, byte[]> first = back.stream().filter(r -> r.key().equals("first")).findFirst().orElseThrow();
        assertEquals("news.article.raw", TestTopics.header(first, "ce_type"));
        assertNull(TestTopics.header(first, DeadLetters.REASON));
        DeadLetterQueue.Summary after = queue.summary(10);
        assertEquals(2, after.count());
        assertEquals(0, after.notRedriven());
        assertEquals(0, queue.redrive().redriven(), "a second redrive has nothing new to put back");
    }

    @Test
    void a_value_too_large_for_the_dead_letter_topic_is_kept_in_part_and_never_redriven() {
        byte[] huge = new byte[Topics.MAX_DEAD_LETTER_BYTES + 10];
        deadLetters.send(record(3, "huge", huge, new RecordHeaders()), "too large");

        ConsumerRecord<String, byte[]> dead = only(config.topic());
        assertTrue(dead.value().length < huge.length);
        assertEquals(String.valueOf(huge.length), TestTopics.header(dead, DeadLetters.ORIGINAL_SIZE));
        assertEquals(new DeadLetterQueue.Redrive(config.topic(), config.sourceTopic(), 0, 1),
                new DeadLetterQueue(config, deadLetters).redrive());
        assertEquals(List.of(), all(config.sourceTopic()));
    }

    private ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(config.sourceTopic(), 1, offset, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    private static List<ConsumerRecord<String, byte[]>> all(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), topic, records::add);
        return records;
    }

    private static ConsumerRecord<String, byte[]> only(String topic) {
        List<ConsumerRecord<String, byte[]>> records = all(topic);
        assertEquals(1, records.size(), "records on " + topic);
        return records.get(0);
    }

    private static int count(ConsumerRecord<String, byte[]> record, String header) {
        int n = 0;
        for (var ignored : record.headers().headers(header)) {
            n++;
        }
        return n;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

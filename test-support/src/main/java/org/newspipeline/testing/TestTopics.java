package org.newspipeline.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Writes and reads records on the shared test broker, the way another team's tool would. */
public final class TestTopics {

    private TestTopics() {
    }

    public static void send(String topic, String key, byte[] value) {
        sendAll(topic, java.util.Collections.singletonMap(key, value));
    }

    /** One record with a header, e.g. the {@code traceparent} a traced producer writes. */
    public static void send(String topic, String key, byte[] value, String header, String headerValue) {
        send(List.of(new ProducerRecord<>(topic, null, key, value,
                List.of(new RecordHeader(header, headerValue.getBytes(StandardCharsets.UTF_8))))));
    }

    /** Each record keyed by its map key, with one producer, acknowledged before it returns. */
    public static void sendAll(String topic, Map<String, byte[]> records) {
        List<ProducerRecord<String, byte[]>> all = new java.util.ArrayList<>();
        records.forEach((key, value) -> all.add(new ProducerRecord<>(topic, key, value)));
        send(all);
    }

    private static void send(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + records.get(0).topic(), e);
        }
    }

    /** The first record of the topic, from its beginning, that matches; fails after {@code timeout}. */
    public static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                       Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /** How many records of the topic, from its beginning to its current end, match. */
    public static int count(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        int[] count = {0};
        readAll(SharedInfrastructure.get().kafkaBootstrapServers(), topic, r -> count[0] += match.test(r) ? 1 : 0);
        return count[0];
    }

    /**
     * Every record of the topic from its beginning to its end at the time of the call (or a little
     * past it), as the services read it: records of aborted transactions (a fenced redrive) are not.
     */
    public static void readAll(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, byte[]>> action) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(action);
            }
        }
    }

    public static ConsumerRecord<String, byte[]> awaitKey(String topic, String key, Duration timeout) {
        return await(topic, r -> key.equals(r.key()), timeout);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package org.newspipeline.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads this service's dead-letter topic: what is in it, and putting it back. A redrive sends every
 * record written since the last redrive to the source topic (key, value and headers, without the
 * dead-letter ones) and then remembers how far it went in its own consumer group, so each record is
 * redriven once; one that fails again comes back to the dead-letter topic as a new record.
 */
@ApplicationScoped
public class DeadLetterQueue {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

    /** One dead-lettered record. */
    public record Entry(int partition, long offset, Instant time, String key, String reason, String sourceTopic,
                        Integer sourcePartition, Long sourceOffset, int bytes, Integer originalBytes) {
    }

    /**
     * @param count          records in the topic
     * @param notRedriven    records written since the last redrive
     */
    public record Summary(String topic, long count, long notRedriven, List<Entry> newest) {
    }

    /** @param truncated records left out because only part of their value was kept */
    public record Redrive(String from, String to, int redriven, int truncated) {
    }

    private final DeadLetterConfig config;
    private final DeadLetters deadLetters;
    private final AtomicReference<Redriving> running = new AtomicReference<>();

    public DeadLetterQueue(DeadLetterConfig config, DeadLetters deadLetters) {
        this.config = config;
        this.deadLetters = deadLetters;
    }

    /** Per partition: the first record, the one after the last redriven, and the end (exclusive). */
    private record Positions(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> redriveFrom,
                             Map<TopicPartition, Long> end) {

        static Positions of(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> redriven = consumer.committed(new HashSet<>(partitions), KAFKA_TIMEOUT);
            Map<TopicPartition, Long> redriveFrom = new HashMap<>();
            partitions.forEach(p -> redriveFrom.put(p,
                    Math.max(begin.get(p), redriven.get(p) == null ? 0 : redriven.get(p).offset())));
            return new Positions(begin, redriveFrom, consumer.endOffsets(partitions, KAFKA_TIMEOUT));
        }
    }

    public Summary summary(int newest) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Positions at = Positions.of(consumer, partitions(consumer));
            long count = 0;
            long notRedriven = 0;
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition p : at.end().keySet()) {
                count += at.end().get(p) - at.begin().get(p);
                notRedriven += at.end().get(p) - at.redriveFrom().get(p);
                from.put(p, Math.max(at.begin().get(p), at.end().get(p) - newest));
            }
            List<Entry> entries = new ArrayList<>();
            read(consumer, from, at.end(), r -> entries.add(entry(r)));
            entries.sort(Comparator.comparing(Entry::time).thenComparing(Entry::offset).reversed());
            return new Summary(config.topic(), count, notRedriven, entries.subList(0, Math.min(newest, entries.size())));
        }
    }

    /**
     * Puts every record written since the last redrive back on the source topic, in one Kafka
     * transaction with the offsets that say how far it went: one redrive runs at a time in this
     * replica (another gets {@link RedriveRunningException} with its progress) and, through the
     * transactional id every replica shares per topic, across replicas (a second one fences the
     * first, whose records are then aborted and never read, since consumers read committed records).
     */
    public Redrive redrive() {
        Redriving mine = new Redriving();
        Redriving other = running.compareAndExchange(null, mine);
        if (other != null) {
            throw new RedriveRunningException("a redrive of " + config.topic() + " is running here: " + other.sent.get()
                    + " of " + other.toSend + " records sent");
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             KafkaProducer<String, byte[]> producer = deadLetters.transactionalProducer(transactionalId())) {
            requireNoRedriveElsewhere();
            // First fence any earlier redrive of this id (its open transaction is aborted), then read how far
            // the last committed one went: positions read before would miss a commit still under way.
            producer.initTransactions();
            Positions at = Positions.of(consumer, partitions(consumer));
            at.end().forEach((p, end) -> mine.toSend += end - at.redriveFrom().get(p));
            producer.beginTransaction();
            int[] truncated = new int[1];
            read(consumer, at.redriveFrom(), at.end(), r -> {
                if (r.headers().lastHeader(DeadLetters.ORIGINAL_SIZE) != null) {
                    truncated[0]++;
                    return;
                }
                producer.send(new ProducerRecord<>(config.sourceTopic(), null, r.key(), r.value(), withoutDeadLetterHeaders(r)));
                mine.sent.incrementAndGet();
            });
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            at.end().forEach((p, offset) -> done.put(p, new OffsetAndMetadata(offset)));
            producer.sendOffsetsToTransaction(done, consumer.groupMetadata());
            producer.commitTransaction();
            return new Redrive(config.topic(), config.sourceTopic(), mine.sent.get(), truncated[0]);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new RedriveRunningException("another replica started a redrive of " + config.topic()
                    + " and took it over; nothing of this one was sent");
        } finally {
            running.set(null);
        }
    }

    /** The redrive of this topic, shared by every replica: Kafka lets one producer of an id commit at a time. */
    private String transactionalId() {
        return config.redriveGroup() + "-redrive";
    }

    /** A transaction of the shared id still open means another replica is redriving now. */
    private void requireNoRedriveElsewhere() {
        try (Admin admin = Admin.create(deadLetters.clientConfig(Map.of()))) {
            TransactionDescription tx = admin.describeTransactions(List.of(transactionalId())).description(transactionalId())
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (tx.state() == TransactionState.ONGOING || tx.state() == TransactionState.PREPARE_COMMIT
                    || tx.state() == TransactionState.PREPARE_ABORT) {
                throw new RedriveRunningException("a redrive of " + config.topic() + " is running on another replica");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                throw new DeadLettersUnavailableException("Kafka could not say whether a redrive is running", e);
            }
        } catch (TimeoutException e) {
            throw new DeadLettersUnavailableException("Kafka could not say whether a redrive is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException("interrupted", e);
        }
    }

    /** How far the redrive of this replica has got. */
    private static final class Redriving {
        final AtomicInteger sent = new AtomicInteger();
        volatile long toSend;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(deadLetters.clientConfig(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.redriveGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Offsets committed by a redrive's transaction count once it committed, not before.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis())),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(config.topic(), KAFKA_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }

    /** Every record from {@code from} up to (not including) {@code end}, partition by partition. */
    private static void read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> from,
                             Map<TopicPartition, Long> end, Consumer<ConsumerRecord<String, byte[]>> action) {
        from.forEach(consumer::seek);
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.multipliedBy(4).toNanos();
        while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new DeadLettersUnavailableException("Kafka did not deliver the dead-letter records in time", null);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    action.accept(r);
                }
            }
        }
    }

    private static Headers withoutDeadLetterHeaders(ConsumerRecord<String, byte[]> r) {
        Headers headers = new RecordHeaders();
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        }
        return headers;
    }

    private static Entry entry(ConsumerRecord<String, byte[]> r) {
        String originalSize = header(r, DeadLetters.ORIGINAL_SIZE);
        String partition = header(r, DeadLetters.PARTITION);
        String offset = header(r, DeadLetters.OFFSET);
        return new Entry(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, DeadLetters.REASON), header(r, DeadLetters.TOPIC),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                r.value() == null ? 0 : r.value().length, originalSize == null ? null : Integer.valueOf(originalSize));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

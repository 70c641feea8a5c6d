package org.newspipeline.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.newspipeline.contract.Backoff;
import org.newspipeline.contract.ClientSettings;
import org.jboss.logging.Logger;
import org.newspipeline.contract.Topics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a record that can never be processed to this service's dead-letter topic: its key, its
 * value and, in headers, why and where it came from (the header names SmallRye's own dead-letter
 * strategy uses). A value too large even for the dead-letter topic is stored truncated with its
 * original size, so that it never blocks its partition.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String ORIGINAL_SIZE = "dead-letter-original-size";
    /** The reason is for people: long parser messages are cut to this. */
    static final int MAX_REASON_CHARS = 2000;
    /** Room left in a dead-letter record for its key and headers. */
    private static final int HEADROOM = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final java.time.Duration REDRIVE_TRANSACTION_TIMEOUT = java.time.Duration.ofMinutes(3);

    private final DeadLetterConfig config;
    private final KafkaProducer<String, byte[]> producer;

    private final Map<String, Object> kafka;
    /** Records sent to the dead-letter topic (news_dead_letters_total{topic}). */
    private final Counter sent;

    /** @param kafka Quarkus' shared Kafka settings (bootstrap servers, security), which every client here takes */
    public DeadLetters(DeadLetterConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                       MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.sent = metrics.counter("news.dead.letters", "topic", config.topic());
        this.producer = new KafkaProducer<>(producerConfig(config.redriveGroup() + "-dead-letters"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A producer of the same settings whose sends commit together (redrives), fencing older ones of its id. */
    KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> settings = producerConfig(transactionalId);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // Longer than a redrive may read (its deadline is a minute), so that only another replica fences it.
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) REDRIVE_TRANSACTION_TIMEOUT.toMillis());
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** The shared Kafka settings under a client's own. */
    Map<String, Object> clientConfig(Map<String, Object> own) {
        return ClientSettings.of(kafka, own);
    }

    private Map<String, Object> producerConfig(String clientId) {
        return clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_DEAD_LETTER_BYTES,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, clientId));
    }

    /**
     * Sends and waits for the broker's acknowledgement.
     *
     * @throws DeadLettersUnavailableException when Kafka did not take it (a transient failure: the
     *                                         caller keeps the record and tries again)
     */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        String why = reason == null ? "unknown" : reason.length() <= MAX_REASON_CHARS ? reason
                : reason.substring(0, MAX_REASON_CHARS) + "…";
        Headers headers = new RecordHeaders();
        record.headers().forEach(h -> {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        });
        headers.add(REASON, bytes(why));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(OFFSET, bytes(String.valueOf(record.offset())));
        byte[] value = record.value();
        int limit = Topics.MAX_DEAD_LETTER_BYTES - HEADROOM;
        if (value != null && value.length > limit) {
            headers.add(ORIGINAL_SIZE, bytes(String.valueOf(value.length)));
            value = Arrays.copyOf(value, limit);
        }
        send(new ProducerRecord<>(config.topic(), null, record.key(), value, headers));
        sent.increment();
        LOG.warnf("record %s-%d@%d (key %s) sent to %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), config.topic(), why);
    }

    /**
     * Sends like {@link #send(ConsumerRecord, String)}, waiting out a broker that is away
     * ({@link Backoff#KAFKA}): the record must be in the dead-letter topic before its offset
     * is committed, and giving up would fail the whole batch it came in.
     */
    public void sendWhenAvailable(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            try {
                send(record, reason);
                return;
            } catch (DeadLettersUnavailableException e) {
                LOG.warnf("%s; trying again in %d ms", e.getMessage(), Backoff.KAFKA.after(failures).toMillis());
                Backoff.KAFKA.sleepAfter(failures);
            }
        }
    }

    /** Sends and waits for the acknowledgement. */
    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLettersUnavailableException("Kafka did not take a record for " + record.topic(), e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}

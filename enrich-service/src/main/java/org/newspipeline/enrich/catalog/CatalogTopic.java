package org.newspipeline.enrich.catalog;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.newspipeline.contract.ClientSettings;
import org.jboss.logging.Logger;
import org.newspipeline.contract.CatalogEntry;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The catalog's corrections on Kafka: written by {@link #publish}, read by every replica from the
 * beginning at start-up and then followed, so a correction made through any replica reaches all
 * of them within a second or so, without a restart or a file to copy.
 */
@ApplicationScoped
public class CatalogTopic {

    private static final Logger LOG = Logger.getLogger(CatalogTopic.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.CATALOG, 0);
    private static final Duration READ_BACK = Duration.ofSeconds(15);

    private final LiveCatalog catalog;
    private final Map<String, Object> kafka;
    private volatile long nextOffset;
    private volatile boolean running = true;
    private KafkaProducer<String, byte[]> producer;

    /** @param kafka Quarkus' shared Kafka settings (bootstrap servers, security), which every client here takes */
    public CatalogTopic(LiveCatalog catalog, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.catalog = catalog;
        this.kafka = kafka;
    }

    /** Before the consumers start: the corrections made so far are in place before the first article. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ensureTopic();
        producer = new KafkaProducer<>(ClientSettings.of(kafka, Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)), new StringSerializer(), new ByteArraySerializer());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientSettings.of(kafka, Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
        long deadline = System.nanoTime() + READ_BACK.toNanos();
        try {
            long end = consumer.endOffsets(List.of(PARTITION), READ_BACK).get(PARTITION);
            while (consumer.position(PARTITION) < end && System.nanoTime() < deadline) {
                apply(consumer.poll(Duration.ofMillis(200)));
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not read %s at start-up (%s); the bundled catalog applies until it can", Topics.CATALOG, e.getMessage());
        }
        Thread follower = new Thread(() -> follow(consumer), "catalog-follower");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                try {
                    apply(consumer.poll(Duration.ofMillis(250)));
                } catch (RuntimeException e) {
                    // The broker away: the consumer reconnects by itself; only the wait is ours.
                    LOG.debugf("catalog follower: %s", e.getMessage());
                }
            }
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        List<CatalogEntry> entries = new ArrayList<>();
        long next = nextOffset;
        for (ConsumerRecord<String, byte[]> record : records) {
            next = record.offset() + 1;
            try {
                if (record.value() != null) {
                    entries.add(ContractJson.read(record.value(), CatalogEntry.class));
                }
            } catch (RuntimeException e) {
                // One unreadable correction never stops the others.
                LOG.warnf("catalog record at offset %d skipped: %s", record.offset(), e.getMessage());
            }
        }
        catalog.apply(entries);
        // Only once applied: publish() waits for this to answer with the catalog that has it.
        nextOffset = next;
    }

    /**
     * Writes a correction and waits until this replica applied it, so the caller's next request
     * sees it.
     */
    public void publish(CatalogEntry entry) {
        try {
            long offset = producer.send(new ProducerRecord<>(Topics.CATALOG, 0, entry.key(), ContractJson.write(entry)))
                    .get(20, TimeUnit.SECONDS).offset();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (nextOffset <= offset && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new CatalogUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException(e);
        }
    }

    private void ensureTopic() {
        // Kafka refuses an admin client whose call timeout is below its request timeout (30 s by default).
        try (Admin admin = Admin.create(ClientSettings.of(kafka, Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG, 1, (short) -1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create %s: %s", Topics.CATALOG, e.getCause().getMessage());
            }
        } catch (Exception e) {
            LOG.warnf("could not create %s: %s", Topics.CATALOG, e.getMessage());
        }
    }
}

package org.newspipeline.lag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ClientSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the watched groups' committed offsets and the partitions' ends (committed records only, as
 * the consumers read them) every {@link LagConfig#interval()} on a thread of its own, and keeps the
 * last reading for {@code GET /lag} and the {@code news.kafka.consumer.lag} gauge (tags group,
 * topic, partition). Kafka away: the last reading stays, with the problem, until Kafka answers again.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final long KAFKA_TIMEOUT_MS = 10_000;

    private final LagConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Object> kafka;
    private final Map<String, PartitionLag> latest = new ConcurrentHashMap<>();
    private volatile Lag lag = new Lag(null, List.of(), null);
    private ScheduledExecutorService reader;
    private Admin admin;

    /** @param kafka Quarkus' shared Kafka settings (bootstrap servers, security) */
    public ConsumerLag(LagConfig config, MeterRegistry metrics, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.metrics = metrics;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        admin = Admin.create(ClientSettings.of(kafka, Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MS / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT_MS)));
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-lag");
            t.setDaemon(true);
            return t;
        });
        reader.scheduleWithFixedDelay(this::read, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.shutdownNow();
            admin.close();
        }
    }

    /** The last reading. */
    public Lag lag() {
        return lag;
    }

    private void read() {
        try {
            Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
            config.groups().forEach(g -> groups.put(g, new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(groups).all()
                    .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.values().forEach(offsets -> offsets.keySet().forEach(p -> ends.put(p, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = ends.isEmpty() ? Map.of()
                    : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<PartitionLag> partitions = new ArrayList<>();
            committed.forEach((group, offsets) -> offsets.forEach((p, at) -> {
                if (at != null && end.containsKey(p)) {
                    long last = end.get(p).offset();
                    partitions.add(new PartitionLag(group, p.topic(), p.partition(), at.offset(), last,
                            Math.max(0, last - at.offset())));
                }
            }));
            partitions.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::topic)
                    .thenComparingInt(PartitionLag::partition));
            partitions.forEach(this::keep);
            if (lag.problem() != null) {
                LOG.info("consumer lag read again");
            }
            lag = new Lag(Instant.now(), List.copyOf(partitions), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String problem = "Kafka did not answer: " + (e.getCause() != null ? e.getCause() : e);
            if (lag.problem() == null) {
                LOG.warnf("consumer lag not read (%s); the last reading stays until Kafka answers", problem);
            }
            lag = new Lag(lag.at(), lag.partitions(), problem);
        }
    }

    /** Keeps a partition's reading, registering its gauge the first time it is seen. */
    private void keep(PartitionLag reading) {
        String key = reading.group() + "|" + reading.topic() + "|" + reading.partition();
        if (latest.put(key, reading) == null) {
            Gauge.builder("news.kafka.consumer.lag", latest, l -> l.get(key).lag())
                    .description("records between a group's committed offset and the end of a partition")
                    .tags("group", reading.group(), "topic", reading.topic(), "partition", String.valueOf(reading.partition()))
                    .strongReference(true)
                    .register(metrics);
        }
    }
}

package org.newspipeline.ingest.article;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import io.quarkus.runtime.ShutdownEvent;
import org.newspipeline.ingest.config.KafkaClients;
import org.jboss.logging.Logger;
import org.newspipeline.contract.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids already published, so that the same article is not published twice. Kafka is the
 * memory: at start-up the keys of {@code articles.raw} are read back, then followed, so duplicates
 * are recognised across restarts and across replicas (a replica taking over another's sources knows
 * what that one published up to its last moment).
 */
@ApplicationScoped
public class SeenArticles {

    private static final Logger LOG = Logger.getLogger(SeenArticles.class);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final KafkaClients clients;
    private volatile boolean running = true;

    public SeenArticles(KafkaClients clients) {
        this.clients = clients;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    // Before every other start-up observer: they may publish, and must see what was published before.
    void loadAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        long start = System.nanoTime();
        // Only the keys matter: values are fetched in small pieces and dropped unread.
        var consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024)), new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                add(consumer.poll(Duration.ofMillis(500)));
            }
            LOG.infof("%d published article ids read back from %s in %d ms", ids.size(), Topics.RAW,
                    (System.nanoTime() - start) / 1_000_000);
            Thread follower = new Thread(() -> follow(consumer), "seen-articles-follower");
            follower.setDaemon(true);
            follower.start();
        } catch (RuntimeException e) {
            consumer.close();
            // Without the history duplicates from before this start are not recognised; new ones still are.
            LOG.warnf("could not read back %s (%s); duplicate detection starts empty", Topics.RAW, e.getMessage());
        }
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                try {
                    add(consumer.poll(Duration.ofMillis(500)));
                } catch (RuntimeException e) {
                    // The broker away: the consumer reconnects by itself.
                    LOG.debugf("seen articles follower: %s", e.getMessage());
                }
            }
        }
    }

    private void add(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() != null) {
                ids.add(r.key());
            }
        }
    }

    /** @return true when the id was new and is now claimed */
    public boolean claim(String id) {
        return ids.add(id);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** Gives a claim back when the article could not be published after all. */
    public void release(String id) {
        ids.remove(id);
    }
}

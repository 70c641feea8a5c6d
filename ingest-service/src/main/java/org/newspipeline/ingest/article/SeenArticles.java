package org.newspipeline.ingest.article;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import io.quarkus.runtime.ShutdownEvent;
import org.newspipeline.ingest.config.KafkaClients;
import org.jboss.logging.Logger;
import org.newspipeline.contract.TopicFollower;
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
    /** The history is read before anything is published, up to this long (a longer history is read on after start-up). */
    private static final Duration READ_BACK = Duration.ofMinutes(5);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final KafkaClients clients;
    private TopicFollower follower;

    public SeenArticles(KafkaClients clients) {
        this.clients = clients;
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    // Before every other start-up observer: they may publish, and must see what was published before.
    void loadAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        long start = System.nanoTime();
        // Only the keys matter: values are fetched in small pieces and dropped unread.
        follower = TopicFollower.start("seen-articles-follower", clients.config(Map.of(
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024)), List.of(Topics.RAW), READ_BACK,
                r -> {
                    if (r.key() != null) {
                        ids.add(r.key());
                    }
                });
        LOG.infof("%d published article ids read back from %s in %d ms", ids.size(), Topics.RAW,
                (System.nanoTime() - start) / 1_000_000);
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

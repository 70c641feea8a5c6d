package org.newspipeline.ingest.source;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.config.KafkaClients;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sources this replica polls: those in the partitions of {@code sources} the consumer group
 * {@code ingest.sources.group} assigns it. Kafka divides the partitions among the live replicas and
 * gives a dead one's to the others once its session times out. A partition taken over is polled
 * only once this replica has read its state up to where it was when assigned, so the new owner
 * resumes where the old one stopped.
 */
@ApplicationScoped
public class SourceOwnership {

    private static final Logger LOG = Logger.getLogger(SourceOwnership.class);

    private final KafkaClients clients;
    private final SourceTopics topics;
    private final IngestConfig.Sources config;
    /** Assigned partitions, with the offsets their state must be read to before they are polled. */
    private final Map<Integer, Map<TopicPartition, Long>> assigned = new ConcurrentHashMap<>();
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Thread member;

    public SourceOwnership(KafkaClients clients, SourceTopics topics, IngestConfig config) {
        this.clients = clients;
        this.topics = topics;
        this.config = config.sources();
    }

    void start(@Observes StartupEvent event) {
        member = new Thread(this::membership, "source-ownership");
        member.setDaemon(true);
        member.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (member != null) {
            try {
                // Leaving the group at once hands our sources over now, not after the session timeout.
                member.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this replica polls the source now. */
    public boolean owns(Source source) {
        return owns(topics.partitionOf(source));
    }

    public boolean owns(int partition) {
        if (ready.contains(partition)) {
            return true;
        }
        Map<TopicPartition, Long> ends = assigned.get(partition);
        if (ends != null && topics.caughtUp(ends)) {
            topics.own(partition, true);
            ready.add(partition);
            LOG.infof("polling the sources of partition %d", partition);
            return true;
        }
        return false;
    }

    /** The partitions this replica polls now. */
    public Set<Integer> owned() {
        return assigned.keySet().stream().filter(this::owns).collect(java.util.stream.Collectors.toSet());
    }

    private void membership() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.group(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.sessionTimeout().toMillis() / 5,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10)), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SOURCES), new Listener(consumer));
            while (running) {
                try {
                    // The records are read by SourceTopics; polling keeps this replica in the group.
                    consumer.poll(Duration.ofMillis(500));
                } catch (RuntimeException e) {
                    LOG.debugf("source ownership: %s", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "source ownership stopped");
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final KafkaConsumer<?, ?> consumer;

        Listener(KafkaConsumer<?, ?> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                List<TopicPartition> both = List.of(new TopicPartition(Topics.SOURCES, tp.partition()),
                        new TopicPartition(Topics.SOURCE_STATE, tp.partition()));
                assigned.put(tp.partition(), consumer.endOffsets(both));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                assigned.remove(tp.partition());
                ready.remove(tp.partition());
                topics.own(tp.partition(), false);
                LOG.infof("partition %d of the sources handed over", tp.partition());
            }
        }
    }
}

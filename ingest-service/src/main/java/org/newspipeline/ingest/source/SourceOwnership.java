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
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.config.KafkaClients;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sources this replica polls: those in the partitions of {@code sources} the consumer group
 * {@code ingest.sources.group} assigns it. Kafka divides the partitions among the live replicas and
 * gives a dead one's to the others once its session times out. A partition taken over is polled
 * only once this replica has read its state up to where it was when assigned, so the new owner
 * resumes where the old one stopped. A partition handed over stops being worked on at once: the
 * work in hand gets a little while to finish and write its state before the handover completes,
 * and whatever it writes later is dropped ({@link SourceTopics}).
 */
@ApplicationScoped
public class SourceOwnership {

    private static final Logger LOG = Logger.getLogger(SourceOwnership.class);
    /** How long a handover waits for the work in hand; well inside the group's poll interval. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final SourceTopics topics;
    private final IngestConfig.Sources config;
    /** Assigned partitions, with the offsets their state must be read to before they are polled (null: not known yet). */
    private final Map<Integer, Map<TopicPartition, Long>> assigned = new HashMap<>();
    private final Set<Integer> ready = new HashSet<>();
    private final Map<Integer, Integer> working = new HashMap<>();
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
                member.join(DRAIN.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized boolean owns(int partition) {
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
    public synchronized Set<Integer> owned() {
        Set<Integer> owned = new HashSet<>();
        for (int partition : Set.copyOf(assigned.keySet())) {
            if (owns(partition)) {
                owned.add(partition);
            }
        }
        return owned;
    }

    /**
     * Claims a piece of work on the partition (a poll, a page fetch); {@link #finished} must follow.
     *
     * @return false when the partition is not this replica's (any more)
     */
    public synchronized boolean begin(int partition) {
        if (!owns(partition)) {
            return false;
        }
        working.merge(partition, 1, Integer::sum);
        return true;
    }

    public synchronized void finished(int partition) {
        working.computeIfPresent(partition, (p, n) -> n > 1 ? n - 1 : null);
        notifyAll();
    }

    private void membership() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.group(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.sessionTimeout().toMillis() / 5,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SOURCES), new Listener(consumer));
            while (running) {
                try {
                    // The records are read by SourceTopics (the partitions are paused); polling keeps this replica in the group.
                    consumer.poll(Duration.ofMillis(500));
                    learnEnds(consumer);
                } catch (RuntimeException e) {
                    LOG.warnf("source ownership: %s", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "source ownership stopped");
        } finally {
            revokeAll();
        }
    }

    /** The end offsets of partitions assigned while the broker could not say them. */
    private void learnEnds(KafkaConsumer<?, ?> consumer) {
        List<Integer> unknown;
        synchronized (this) {
            unknown = assigned.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        }
        for (int partition : unknown) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(new TopicPartition(Topics.SOURCES, partition),
                    new TopicPartition(Topics.SOURCE_STATE, partition)));
            synchronized (this) {
                assigned.replace(partition, null, ends);
            }
        }
    }

    private synchronized void revokeAll() {
        for (int partition : Set.copyOf(assigned.keySet())) {
            revoke(partition);
        }
    }

    /** Stops new work on the partition at once, then waits a little for the work in hand and its writes. */
    private synchronized void revoke(int partition) {
        assigned.remove(partition);
        ready.remove(partition);
        topics.own(partition, false);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            while (working.containsKey(partition) && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        working.remove(partition);
        topics.flush();
        LOG.infof("partition %d of the sources handed over", partition);
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final KafkaConsumer<?, ?> consumer;

        Listener(KafkaConsumer<?, ?> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            for (TopicPartition tp : partitions) {
                Map<TopicPartition, Long> ends = null;
                try {
                    ends = consumer.endOffsets(List.of(new TopicPartition(Topics.SOURCES, tp.partition()),
                            new TopicPartition(Topics.SOURCE_STATE, tp.partition())));
                } catch (RuntimeException e) {
                    LOG.warnf("end offsets of partition %d not known yet (%s); asked again", tp.partition(), e.getMessage());
                }
                synchronized (SourceOwnership.this) {
                    assigned.put(tp.partition(), ends);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> revoke(tp.partition()));
        }
    }
}

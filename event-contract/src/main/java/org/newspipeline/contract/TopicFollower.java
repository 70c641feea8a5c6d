package org.newspipeline.contract;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shared state kept on compacted topics, read whole by every replica: every partition from the
 * beginning (up to a time limit before the caller goes on), then followed on a thread of its own.
 * A record that cannot be applied is logged and skipped; a broker away only pauses the following.
 * A topic not there yet is looked for again until its owner has created it (never created here:
 * auto-creation would give it the broker's default partitions).
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class.getName());

    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private TopicFollower() {
    }

    /**
     * @param config   the client settings (bootstrap servers, security), to which this adds its own
     * @param readBack how long to read the history before returning (following goes on after)
     * @param apply    called for every record, in order per partition, on one thread
     */
    public static TopicFollower start(String name, Map<String, Object> config, List<String> topics, Duration readBack,
                                      Consumer<ConsumerRecord<String, byte[]>> apply) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        TopicFollower follower = new TopicFollower();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> all = new ArrayList<>();
        try {
            follower.assignAll(consumer, topics, all, readBack);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, readBack);
            long deadline = System.nanoTime() + readBack.toNanos();
            while (!all.isEmpty() && !follower.caughtUp(end) && System.nanoTime() < deadline) {
                follower.poll(consumer, all, apply);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": could not read " + topics + " at start-up (" + e.getMessage() + "); following them");
        }
        Thread thread = new Thread(() -> follower.follow(consumer, topics, all, apply), name);
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    /** Whether every partition was applied up to these offsets. */
    public boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** The next offset to be applied in the partition (0 before any). */
    public long applied(TopicPartition partition) {
        return applied.getOrDefault(partition, 0L);
    }

    @Override
    public void close() {
        running = false;
    }

    /** Assigns every partition of the topics there are, each read from its beginning; @return whether all are there */
    private boolean assignAll(KafkaConsumer<String, byte[]> consumer, List<String> topics, List<TopicPartition> all,
                              Duration timeout) {
        List<TopicPartition> found = new ArrayList<>();
        int present = 0;
        for (String topic : topics) {
            var partitions = consumer.partitionsFor(topic, timeout);
            present += partitions == null || partitions.isEmpty() ? 0 : 1;
            if (partitions != null) {
                partitions.forEach(p -> found.add(new TopicPartition(topic, p.partition())));
            }
        }
        if (!found.equals(all)) {
            List<TopicPartition> added = found.stream().filter(tp -> !all.contains(tp)).toList();
            all.clear();
            all.addAll(found);
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
        return present == topics.size();
    }

    private void follow(KafkaConsumer<String, byte[]> consumer, List<String> topics, List<TopicPartition> all,
                        Consumer<ConsumerRecord<String, byte[]>> apply) {
        long lookAgain = 0;
        boolean complete = false;
        try (consumer) {
            while (running) {
                try {
                    if (!complete && System.nanoTime() > lookAgain) {
                        complete = assignAll(consumer, topics, all, Duration.ofSeconds(5));
                        lookAgain = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    }
                    if (all.isEmpty()) {
                        Thread.sleep(250);
                        continue;
                    }
                    poll(consumer, all, apply);
                } catch (RuntimeException e) {
                    // The broker away: the consumer reconnects by itself; only the wait is ours.
                    LOG.log(Level.FINE, "following: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void poll(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> all,
                      Consumer<ConsumerRecord<String, byte[]>> apply) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
            try {
                apply.accept(record);
            } catch (RuntimeException e) {
                // One unreadable record never stops the others.
                LOG.log(Level.WARNING, record.topic() + " record at " + record.partition() + "/" + record.offset()
                        + " skipped: " + e.getMessage());
            }
        }
        // Only once applied: a writer waiting for its record to be read sees it in effect.
        all.forEach(tp -> applied.put(tp, consumer.position(tp)));
    }
}

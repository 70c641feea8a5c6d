package org.newspipeline.query.index;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ClientSettings;
import org.newspipeline.contract.Topics;
import org.newspipeline.query.story.StoryStore;
import org.newspipeline.query.story.StoryStoreException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the search index from {@code articles.enriched}, while searches go on against the old one:
 * the whole topic is read into a new index, the alias moves to it in one step, then what the live
 * indexer wrote to the old index meanwhile is read again from the topic, and the old index is
 * dropped. Versions make every article end as its latest enrichment, whoever wrote it last.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);
    private static final int BATCH = 2000;
    /** A batch written this often without success (over about three minutes) ends the rebuild. */
    private static final int MAX_ATTEMPTS = 20;

    /** Where a rebuild is; {@code finished} and {@code failure} are null while it runs. */
    public record Status(String from, String to, Instant started, long read, Instant finished, String failure) {
    }

    private final ArticleIndex index;
    private final StoryStore stories;
    private final Map<String, Object> kafka;
    private volatile Status status;

    public IndexRebuild(ArticleIndex index, StoryStore stories, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.index = index;
        this.stories = stories;
        this.kafka = kafka;
    }

    /** @return the rebuild started, or null when one is running already */
    public synchronized Status start() {
        if (status != null && status.finished() == null) {
            return null;
        }
        index.ensure();
        String from = index.current();
        String to = index.createNext(from);
        status = new Status(from, to, Instant.now(), 0, null, null);
        Thread worker = new Thread(() -> run(from, to), "index-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status;
    }

    /** The last rebuild's state, or null when none ran since start-up. */
    public Status status() {
        return status;
    }

    private void run(String from, String to) {
        AtomicLong read = new AtomicLong();
        boolean moved = false;
        Map<String, Object> settings = ClientSettings.of(kafka, Map.of("isolation.level", "read_committed",
                "enable.auto.commit", "false", "max.poll.records", BATCH));
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            readUpTo(consumer, consumer.endOffsets(partitions), to, read);
            index.moveAlias(from, to);
            moved = true;
            // What the live indexer read before the move went to the old index: read it again.
            readUpTo(consumer, consumer.endOffsets(partitions), to, read);
            index.delete(from);
            status = new Status(from, to, status.started(), read.get(), Instant.now(), null);
            LOG.infof("search index rebuilt: %d records of %s into %s", read.get(), Topics.ENRICHED, to);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuilding the search index into %s failed; searches use %s%s", to, moved ? to : from,
                    moved ? " (articles indexed during the rebuild may be missing until the next one; " + from + " is kept)" : "");
            status = new Status(from, to, status.started(), read.get(), Instant.now(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * OpenSearch busy or away for a while does not end a rebuild: the batch is written again after a
     * pause. What the index refuses is left out, as the live indexer left it out (and dead-lettered it).
     */
    private void writeUntilDone(String target, List<ArticleIndex.Change> changes) {
        for (int attempt = 1; ; attempt++) {
            try {
                // Stories as the live indexer assigned them (an article it has not reached yet is alone until it does).
                index.writeInto(target, changes, stories.places(changes.stream().map(ArticleIndex.Change::id).toList()));
                return;
            } catch (IllegalArgumentException refusedBatch) {
                if (changes.size() == 1) {
                    LOG.warnf("rebuild: left out %s: %s", changes.get(0).id(), refusedBatch.getMessage());
                    return;
                }
                changes.forEach(one -> writeUntilDone(target, List.of(one)));
                return;
            } catch (IndexUnavailableException | StoryStoreException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("rebuild: %s; writing the batch again in %d s", e.getMessage(), attempt);
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void readUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, String target, AtomicLong read) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            List<ArticleIndex.Change> changes = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                ArticleIndex.Change.of(r).ifPresent(changes::add);
            }
            writeUntilDone(target, changes);
            read.addAndGet(changes.size());
            status = new Status(status.from(), target, status.started(), read.get(), null, null);
        }
    }
}

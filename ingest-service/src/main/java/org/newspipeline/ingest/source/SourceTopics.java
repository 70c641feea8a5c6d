package org.newspipeline.ingest.source;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.SourceHealth;
import org.newspipeline.contract.SourcePartitions;
import org.newspipeline.contract.SourceRecords;
import org.newspipeline.contract.TopicFollower;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.config.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The source directory ({@code sources}) and the polling state of every source
 * ({@code sources.state}), both compacted and partitioned alike by host, read whole by every
 * replica from the beginning and then followed. The directory is written by whichever replica
 * took the API call; a partition's state only by the replica that owns it ({@link SourceOwnership}),
 * whose own copy of it is then the newest, so the follower leaves owned partitions' state alone.
 */
@ApplicationScoped
public class SourceTopics {

    private static final Logger LOG = Logger.getLogger(SourceTopics.class);
    private static final Duration READ_BACK = Duration.ofSeconds(15);

    private final KafkaClients clients;
    private volatile int partitions;
    private final SourceRecords records = new SourceRecords();
    private final Map<String, PendingFetch> fetches = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile TopicFollower follower;
    private KafkaProducer<String, byte[]> producer;

    public SourceTopics(KafkaClients clients, IngestConfig config) {
        this.clients = clients;
        this.partitions = config.sources().partitions();
    }

    /** Before the pollers and the API: the directory as it stands is read before anything uses it. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        ensureTopics();
        producer = new KafkaProducer<>(clients.config(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5)), new StringSerializer(), new ByteArraySerializer());
        follower = TopicFollower.start("source-follower", clients.config(Map.of()), List.of(Topics.SOURCES, Topics.SOURCE_STATE),
                READ_BACK, this::apply);
        LOG.infof("%d sources, %d feed states and %d pending page fetches read back", records.size(), records.feedCount(),
                fetches.size());
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public int partitionOf(Source source) {
        return records.partition(source).orElseGet(() -> SourcePartitions.of(source.host(), partitions));
    }

    public Collection<Source> sources() {
        return records.sources();
    }

    public int size() {
        return records.size();
    }

    public Optional<Source> source(String id) {
        return records.source(id);
    }

    /** The id of the source that lists this feed or sitemap. */
    public Optional<String> listedBy(String url) {
        return records.listedBy(url);
    }

    public SourceHealth health(Source source) {
        return records.health(source);
    }

    /**
     * Writes a source and waits (up to 10 s) until this replica applied it, so the caller's next
     * request sees it.
     */
    public void put(Source source) {
        Source before = records.source(source.id()).orElse(null);
        int partition = partitionOf(source);
        awaitApplied(partition, send(Topics.SOURCES, partition, source.id(), ContractJson.write(source)));
        if (before != null && partitionOf(before) != partition) {
            // A new homepage host moved the source: its old record goes, so compaction forgets it.
            send(Topics.SOURCES, partitionOf(before), source.id(), null);
        }
    }

    /** Writes new sources at once (an import) and waits until this replica applied the last of them. */
    public void putAll(List<Source> all) {
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
        for (Source source : all) {
            sent.add(producer.send(new ProducerRecord<>(Topics.SOURCES, partitionOf(source), source.id(), ContractJson.write(source))));
        }
        Map<Integer, Long> last = new java.util.HashMap<>();
        try {
            for (var f : sent) {
                var written = f.get(20, TimeUnit.SECONDS);
                last.merge(written.partition(), written.offset(), Math::max);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SourcesUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourcesUnavailableException(e);
        }
        last.forEach(this::awaitApplied);
    }

    public void delete(Source source) {
        int partition = partitionOf(source);
        awaitApplied(partition, send(Topics.SOURCES, partition, source.id(), null));
    }

    public Optional<FeedStatus> feed(String url) {
        return records.feed(url);
    }

    /**
     * Records a feed's state; this replica's copy is current at once, the topic's shortly after.
     * Only the partition's owner writes the topic: work that outlived a handover writes nothing.
     */
    public void putFeed(int partition, FeedStatus status) {
        records.putFeed(status);
        sendQuietly(partition, status.key(), ContractJson.write(status));
    }

    /** Waits until every state write sent so far is on the broker (a handover's last step). */
    void flush() {
        try {
            if (producer != null) {
                producer.flush();
            }
        } catch (IllegalStateException e) {
            // Shutting down: the producer was closed, and closing sent what it had.
            LOG.debugf("source state not flushed: %s", e.getMessage());
        }
    }


    public Collection<PendingFetch> fetches() {
        return fetches.values();
    }

    public boolean hasFetch(String url) {
        return fetches.containsKey(url);
    }

    public int pendingFetches() {
        return fetches.size();
    }

    public void putFetch(PendingFetch fetch) {
        fetches.put(fetch.item().url(), fetch);
        sendQuietly(fetch.partition(), fetch.key(), ContractJson.write(fetch));
    }

    public void removeFetch(PendingFetch fetch) {
        fetches.remove(fetch.item().url());
        sendQuietly(fetch.partition(), fetch.key(), null);
    }

    /** Whether the follower has applied each partition up to these offsets (taken when a partition was assigned). */
    public boolean caughtUp(Map<TopicPartition, Long> ends) {
        return follower != null && follower.caughtUp(ends);
    }

    /** From now on this replica's copy of the partition's state is the newest: it alone writes it. */
    void own(int partition, boolean owns) {
        if (owns) {
            owned.add(partition);
        } else {
            owned.remove(partition);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.topic().equals(Topics.SOURCES)) {
            applySource(record);
        } else if (!owned.contains(record.partition())) {
            applyState(record);
        }
    }

    /**
     * Applies a directory record; the owner of its partition forgets the state of the feeds the
     * source no longer lists (all of them when it was deleted) and the pages it no longer wants.
     */
    private void applySource(ConsumerRecord<String, byte[]> record) {
        Optional<Source> before = records.applySource(record);
        if (before.isEmpty() || !owned.contains(record.partition())) {
            return;
        }
        Set<String> kept = records.source(record.key()).map(s -> Set.copyOf(s.urls())).orElse(Set.of());
        for (String url : before.get().urls()) {
            if (!kept.contains(url) && records.listedBy(url).isEmpty()) {
                records.applyFeed(url, null);
                sendQuietly(record.partition(), FeedStatus.key(url), null);
            }
        }
        if (records.source(record.key()).isEmpty()) {
            fetches.values().stream().filter(f -> f.outlet() != null && record.key().equals(f.outlet().sourceId()))
                    .toList().forEach(this::removeFetch);
        }
    }

    private void applyState(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key.startsWith("feed:")) {
            records.applyFeed(key.substring("feed:".length()), record.value());
        } else if (key.startsWith("fetch:")) {
            String url = key.substring("fetch:".length());
            if (record.value() == null) {
                fetches.remove(url);
            } else {
                fetches.put(url, ContractJson.read(record.value(), PendingFetch.class));
            }
        }
    }

    private long send(String topic, int partition, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get(20, TimeUnit.SECONDS).offset();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SourcesUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourcesUnavailableException(e);
        }
    }

    /**
     * State is written as it changes, by the partition's owner only; a write lost while the broker
     * is away is redone at the next change.
     */
    private void sendQuietly(int partition, String key, byte[] value) {
        if (!owned.contains(partition)) {
            return;
        }
        try {
            producer.send(new ProducerRecord<>(Topics.SOURCE_STATE, partition, key, value), (metadata, e) -> {
                if (e != null) {
                    LOG.warnf("source state %s not written: %s", key, e.getMessage());
                }
            });
        } catch (IllegalStateException e) {
            // Shutting down: the producer is closed; the next owner reads what was written before.
            LOG.debugf("source state %s not written: %s", key, e.getMessage());
        }
    }

    private void awaitApplied(int partition, long offset) {
        TopicPartition tp = new TopicPartition(Topics.SOURCES, partition);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (follower.applied(tp) <= offset && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureTopics() {
        try (Admin admin = Admin.create(clients.config(Map.of()))) {
            for (String topic : List.of(Topics.SOURCES, Topics.SOURCE_STATE)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                            .configs(Map.of("cleanup.policy", "compact")))).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create %s: %s", topic, e.getCause().getMessage());
                    }
                }
            }
            // Sources are placed by the partition count the topic has, whatever this replica was told.
            int actual = admin.describeTopics(List.of(Topics.SOURCES)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(Topics.SOURCES).partitions().size();
            if (actual != partitions) {
                LOG.warnf("%s has %d partitions, not the %d of ingest.sources.partitions: sources are placed in %d",
                        Topics.SOURCES, actual, partitions, actual);
                partitions = actual;
            }
        } catch (Exception e) {
            LOG.warnf("could not create the source topics: %s", e.getMessage());
        }
    }
}

package org.newspipeline.enrich.reenrich;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.newspipeline.contract.ClientSettings;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.enrich.catalog.LiveCatalog;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.enrich.pipeline.ParallelEnricher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Replays stored raw articles from {@code articles.raw} (from a time on, found with offsets-for-times;
 * up to the end as it stood at the start) through today's enricher and catalog, and publishes the
 * new enrichments: query-service keeps the later one of the same enrichment version. Filters: arrival
 * time, the sender's source, and an entity named in the text (any of its catalog names).
 */
@ApplicationScoped
public class Reenrichments {

    private static final Logger LOG = Logger.getLogger(Reenrichments.class);

    private final ParallelEnricher enricher;
    private final LiveCatalog catalog;
    private final ManagedExecutor executor;
    private final Map<String, Object> kafka;
    private final Map<String, Reenrichment> jobs = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> producer;

    public Reenrichments(ParallelEnricher enricher, LiveCatalog catalog, ManagedExecutor executor,
                         @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.enricher = enricher;
        this.catalog = catalog;
        this.executor = executor;
        this.kafka = kafka;
    }

    public Reenrichment start(Reenrichment.Request request, Instant from, Instant to) {
        Reenrichment job = new Reenrichment(UUID.randomUUID().toString(), request);
        jobs.put(job.id(), job);
        executor.execute(() -> run(job, from, to));
        return job;
    }

    public Optional<Reenrichment> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<Reenrichment> all() {
        return List.copyOf(jobs.values());
    }

    @PreDestroy
    void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run(Reenrichment job, Instant from, Instant to) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientSettings.of(kafka, Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(Topics.RAW, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions, from);
            start.forEach(consumer::seek);
            job.toScan = partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
            List<String> names = entityNames(job.request.entity());
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<RawArticle> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // arrived after the start: the service enriches it anyway
                    }
                    job.scanned.incrementAndGet();
                    matching(r, job.request, to, names).ifPresent(batch::add);
                }
                job.matched.addAndGet(batch.size());
                publishAll(job, enrichAll(job, batch));
            }
            job.state = Reenrichment.State.DONE;
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-enrichment %s failed", job.id());
            job.error = e.getMessage();
            job.state = Reenrichment.State.FAILED;
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    private static Optional<RawArticle> matching(ConsumerRecord<String, byte[]> r, Reenrichment.Request request, Instant to,
                                                 List<String> names) {
        if (to != null && r.timestamp() >= to.toEpochMilli()) {
            return Optional.empty();
        }
        try {
            RawArticle raw = ContractJson.read(r.value(), RawArticle.class);
            return matches(raw, request, names) ? Optional.of(raw) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not a raw article: the service dead-lettered it long ago
        }
    }

    /** The batch enriched on every core; an article the enricher fails on counts as failed (the consumer dead-lettered it). */
    private List<EnrichedArticle> enrichAll(Reenrichment job, List<RawArticle> batch) {
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (ParallelEnricher.Result r : enricher.enrichAll(batch)) {
            if (r.article() == null) {
                job.failed.incrementAndGet();
            } else {
                enriched.add(r.article());
            }
        }
        return enriched;
    }

    private void publishAll(Reenrichment job, List<EnrichedArticle> enriched) {
        List<Future<?>> sends = enriched.stream()
                .<Future<?>>map(a -> producer().send(new ProducerRecord<>(Topics.ENRICHED, a.id(), ContractJson.write(a))))
                .toList();
        for (Future<?> send : sends) {
            try {
                send.get(60, TimeUnit.SECONDS);
                job.done.incrementAndGet();
            } catch (Exception e) {
                job.failed.incrementAndGet();
            }
        }
    }

    private static boolean matches(RawArticle raw, Reenrichment.Request r, List<String> names) {
        if (r.source() != null && !r.source().isBlank()
                && (raw.source() == null || !raw.source().equalsIgnoreCase(r.source().strip()))) {
            return false;
        }
        if (names.isEmpty()) {
            return true;
        }
        String text = ((raw.title() == null ? "" : raw.title()) + "\n" + raw.body()).toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(text::contains);
    }

    /** The entity's names and aliases as the catalog has them now, lower-cased; just the name when unknown. */
    private List<String> entityNames(String entity) {
        if (entity == null || entity.isBlank()) {
            return List.of();
        }
        EntityCatalog now = catalog.get();
        List<String> names = new ArrayList<>(List.of(entity.strip()));
        now.byAlias(entity).ifPresent(k -> {
            names.add(k.name());
            names.addAll(k.aliases());
        });
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                                          Instant from) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        if (from == null) {
            return beginning;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>();
        partitions.forEach(p -> start.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        return start;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(ClientSettings.of(kafka, Map.of(
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES, ProducerConfig.LINGER_MS_CONFIG, 5)),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}

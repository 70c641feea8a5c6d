package org.newspipeline.query.materialize;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.InvalidPayloadException;
import org.newspipeline.deadletter.DeadLetters;
import org.newspipeline.query.article.ArticleStore;
import org.newspipeline.query.waiting.Persistently;
import org.newspipeline.query.waiting.StoreFailure;
import org.newspipeline.trace.ArticleTraces;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Materializes {@code articles.enriched}, a polled batch per transaction. A record with no value
 * (a tombstone) deletes its article. Failures come in two kinds:
 * <ul>
 * <li>the record: not a valid enriched article, or a value PostgreSQL refuses. That record alone
 * goes to {@code articles.enriched.dlq} with the reason (a refused batch is stored again one
 * record at a time to find it), and the rest is stored;</li>
 * <li>the database (or Kafka, for a dead letter) is away: the same work is tried again with
 * growing pauses for as long as that lasts, readiness is DOWN meanwhile, nothing is
 * dead-lettered and nothing acknowledged, and work goes on by itself when it is back.</li>
 * </ul>
 * Each article's storing is a span in the trace its record carries ({@link ArticleTraces}).
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Persistently.Failures STORE_FAILURES =
            new Persistently.Failures(StoreFailure::isCausedByData, StoreFailure::describe);

    /** One record: an upsert, or a deletion when {@code article} is null. */
    private record Change(ConsumerRecord<String, byte[]> record, EnrichedArticle article) {
    }

    private final ArticleStore store;
    private final DeadLetters deadLetters;
    private final MaterializerHealth health;
    private final ArticleTraces traces;
    /** Articles written or deleted (news_store_articles_total); replays and older versions change nothing and are not counted. */
    private final Counter stored;

    public EnrichedArticleConsumer(ArticleStore store, DeadLetters deadLetters,
                                   @Readiness MaterializerHealth health, ArticleTraces traces, MeterRegistry metrics) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.health = health;
        this.traces = traces;
        this.stored = metrics.counter("news.store.articles");
    }

    @Incoming("enriched-articles")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Span> spans = new ArrayList<>();
        records.forEach(r -> spans.add(traces.start("store", r)));
        try {
            store(records);
        } finally {
            spans.forEach(Span::end);
        }
    }

    private void store(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                changes.add(change(r));
            } catch (InvalidPayloadException e) {
                deadLetters.sendWhenAvailable(r, e.getMessage());
            }
        }
        if (Persistently.untilDoneOrRefused(() -> apply(changes), STORE_FAILURES, health).isPresent()) {
            LOG.infof("a batch of %d was refused; storing it one record at a time", changes.size());
            for (Change change : changes) {
                Optional<String> refusal = Persistently.untilDoneOrRefused(() -> apply(List.of(change)), STORE_FAILURES, health);
                if (refusal.isPresent()) {
                    deadLetters.sendWhenAvailable(change.record(), "PostgreSQL refused the article: " + refusal.get());
                }
            }
        }
    }

    private void apply(List<Change> changes) {
        List<EnrichedArticle> upserts = changes.stream().filter(c -> c.article() != null).map(Change::article).toList();
        List<String> deletions = changes.stream().filter(c -> c.article() == null).map(c -> c.record().key()).toList();
        ArticleStore.Applied applied = store.apply(upserts, deletions);
        stored.increment(applied.changed());
        LOG.debugf("%d records, %d articles new, %d changed", changes.size(), applied.inserted().size(), applied.changed());
    }

    private static Change change(ConsumerRecord<String, byte[]> r) {
        if (r.value() != null) {
            return new Change(r, ContractJson.read(r.value(), EnrichedArticle.class));
        }
        if (r.key() == null) {
            throw new InvalidPayloadException("a tombstone without a key names no article", null);
        }
        return new Change(r, null);
    }
}

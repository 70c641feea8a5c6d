package org.newspipeline.query.materialize;

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
import org.newspipeline.query.live.StoredArticles;

import java.time.Duration;
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
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    /** One record: an upsert, or a deletion when {@code article} is null. */
    private record Change(ConsumerRecord<String, byte[]> record, EnrichedArticle article) {
    }

    private final ArticleStore store;
    private final DeadLetters deadLetters;
    private final MaterializerHealth health;
    private final StoredArticles stored;

    public EnrichedArticleConsumer(ArticleStore store, DeadLetters deadLetters,
                                   @Readiness MaterializerHealth health, StoredArticles stored) {
        this.store = store;
        this.stored = stored;
        this.deadLetters = deadLetters;
        this.health = health;
    }

    @Incoming("enriched-articles")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                changes.add(change(r));
            } catch (InvalidPayloadException e) {
                deadLetters.sendWhenAvailable(r, e.getMessage());
            }
        }
        if (untilDoneOrRefused(() -> apply(changes)).isPresent()) {
            LOG.infof("a batch of %d was refused; storing it one record at a time", changes.size());
            for (Change change : changes) {
                Optional<String> refusal = untilDoneOrRefused(() -> apply(List.of(change)));
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
        // Announced once: an enrichment stored again (a redelivery, a re-enrichment) is no new article.
        stored.stored(applied.inserted());
        LOG.debugf("%d records, %d articles changed", changes.size(), applied.changed());
    }

    /**
     * Runs the work until it succeeds or fails because of its data, waiting out every other failure.
     *
     * @return why the data was refused, or empty when the work was done
     */
    private Optional<String> untilDoneOrRefused(Runnable work) throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                work.run();
                health.storing();
                return Optional.empty();
            } catch (RuntimeException e) {
                if (StoreFailure.isCausedByData(e)) {
                    return Optional.of(StoreFailure.describe(e));
                }
                health.waiting(StoreFailure.describe(e));
                LOG.warnf("waiting (%s); trying again in %d ms", StoreFailure.describe(e), pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
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

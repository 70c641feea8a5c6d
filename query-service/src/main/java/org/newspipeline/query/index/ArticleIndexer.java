package org.newspipeline.query.index;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newspipeline.deadletter.DeadLetters;
import org.newspipeline.query.live.EventLog;
import org.newspipeline.query.live.StoredArticles;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.query.story.StoryStore;
import org.newspipeline.query.story.StoryStoreException;
import org.newspipeline.query.waiting.Persistently;
import org.newspipeline.query.waiting.StoreFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the search index a view of {@code articles.enriched}, in a consumer group of its own
 * ({@code query-index}): PostgreSQL and the index each go at their own pace, and OpenSearch away
 * pauses only this (readiness down, the batch written again with growing pauses, nothing
 * acknowledged). An article the index refuses goes to {@code articles.enriched.dlq} with the
 * reason; it stays in PostgreSQL. A record that is no enriched article is skipped here: the
 * materializer dead-letters it. Articles indexed for the first time enter the {@link EventLog}
 * and are announced to the live searches once searches can find them. Each batch is put in its stories first (PostgreSQL,
 * {@link StoryStore}), and every article is indexed with its story and copy group.
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    /** OpenSearch or PostgreSQL away is waited out; what either refuses for its values is the record's. */
    private static final Persistently.Failures INDEX_FAILURES = new Persistently.Failures(
            e -> e instanceof StoryStoreException ? StoreFailure.isCausedByData(e) : !(e instanceof IndexUnavailableException),
            e -> e instanceof StoryStoreException ? StoreFailure.describe(e) : String.valueOf(e.getMessage()));

    private record Indexed(ConsumerRecord<String, byte[]> record, ArticleIndex.Change change) {
    }

    private final ArticleIndex index;
    private final DeadLetters deadLetters;
    private final IndexHealth health;
    private final StoredArticles searchable;
    private final StoryStore stories;

    public ArticleIndexer(ArticleIndex index, DeadLetters deadLetters, @Readiness IndexHealth health,
                          StoredArticles searchable, StoryStore stories) {
        this.index = index;
        this.stories = stories;
        this.deadLetters = deadLetters;
        this.health = health;
        this.searchable = searchable;
    }

    @Incoming("article-index")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Indexed> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ArticleIndex.Change.of(r).ifPresent(change -> batch.add(new Indexed(r, change)));
        }
        List<EventLog.Event> created = new ArrayList<>();
        Map<String, String> refused = new HashMap<>();
        if (write(batch, created, refused).isPresent()) {
            LOG.infof("a batch of %d failed; indexing it one record at a time", batch.size());
            created.clear();
            refused.clear();
            for (Indexed one : batch) {
                Optional<String> failure = write(List.of(one), created, refused);
                if (failure.isPresent()) {
                    refused.put(one.change().id(), failure.get());
                }
            }
        }
        if (!created.isEmpty()) {
            searchable.stored(created.get(created.size() - 1).seq());
        }
        for (Indexed one : batch) {
            String reason = refused.remove(one.change().id());
            if (reason != null) {
                deadLetters.sendWhenAvailable(one.record(), "the search index refused the article: " + reason);
            }
        }
    }

    private Optional<String> write(List<Indexed> batch, List<EventLog.Event> created, Map<String, String> refused)
            throws InterruptedException {
        List<ArticleIndex.Change> changes = batch.stream().map(Indexed::change).toList();
        // Stories take each article's last change in the batch: an article deleted after it was written stays deleted.
        Map<String, ArticleIndex.Change> last = new LinkedHashMap<>();
        changes.forEach(c -> last.put(c.id(), c));
        List<EnrichedArticle> articles = last.values().stream().map(ArticleIndex.Change::article).filter(Objects::nonNull).toList();
        List<String> deleted = last.values().stream().filter(c -> c.article() == null).map(ArticleIndex.Change::id).toList();
        return Persistently.untilDoneOrRefused(() -> {
            List<EventLog.Event> appended = new ArrayList<>();
            ArticleIndex.Written written = stories.assignThen(articles, deleted, (assigned, c) -> {
                ArticleIndex.Written w = index.write(changes, assigned.places());
                index.merge(assigned.merges());
                // New articles enter the event log in the transaction that places them, so that none is
                // logged twice or lost when the commit fails after the index took the batch.
                appended.addAll(EventLog.append(c, assigned.firsts().stream().filter(id -> !w.refused().containsKey(id)).toList()));
                return w;
            });
            created.addAll(appended);
            refused.putAll(written.refused());
        }, INDEX_FAILURES, health);
    }
}

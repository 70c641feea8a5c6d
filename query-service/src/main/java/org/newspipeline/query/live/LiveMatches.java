package org.newspipeline.query.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.NewMatch;
import org.newspipeline.query.search.SearchRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The articles that match a search as they become searchable, each with its place in the
 * {@link EventLog}: from now on, or after an event a client saw (what it missed first, as far as
 * the log's retention and {@value #MAX_REPLAY_EVENTS} stored articles go). Read from the log, so a
 * stream sees what every replica indexed.
 */
@ApplicationScoped
public class LiveMatches {

    /** A match and its place in the log (the SSE event id). */
    public record Numbered(long seq, NewMatch match) {
    }

    /** Events read from the log per search request. */
    static final int PAGE = 1_000;
    /** Matches a stream catches up by in one go before it lets others' work run. */
    static final int CATCH_UP = 10_000;
    /** A reconnecting client gets at most what the last this many stored articles held (each costs a match). */
    public static final int MAX_REPLAY_EVENTS = 10_000;

    private final EventLog log;
    private final StoredArticles stored;
    private final ArticleSearch search;

    public LiveMatches(EventLog log, StoredArticles stored, ArticleSearch search) {
        this.log = log;
        this.stored = stored;
        this.search = search;
    }

    /** @param lastSeen the seq of the last event the client saw; null: from now on */
    public Multi<Numbered> of(SearchRequest r, Long lastSeen) {
        return Multi.createFrom().deferred(() -> {
            long latest = log.latest();
            AtomicLong cursor = new AtomicLong(lastSeen == null ? latest : Math.max(latest - MAX_REPLAY_EVENTS, Math.min(lastSeen, latest)));
            UnicastProcessor<Long> again = UnicastProcessor.create();
            Multi<Long> wakes = Multi.createBy().merging().streams(stored.growth(), again);
            if (lastSeen != null) {
                wakes = Multi.createBy().merging().streams(Multi.createFrom().item(0L), wakes);
            }
            return wakes.emitOn(Infrastructure.getDefaultWorkerPool())
                    .onItem().transformToIterable(wake -> {
                        List<Numbered> found = new ArrayList<>();
                        if (catchUp(r, cursor, found)) {
                            again.onNext(0L);
                        }
                        return found;
                    });
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // the log is read when a client subscribes
    }

    /** @return whether more may follow the events read (the catch-up stopped at its bound) */
    private boolean catchUp(SearchRequest r, AtomicLong cursor, List<Numbered> found) {
        while (found.size() < CATCH_UP) {
            List<EventLog.Event> events = log.after(cursor.get(), PAGE);
            if (events.isEmpty()) {
                return false;
            }
            found.addAll(matching(r, events));
            cursor.set(events.get(events.size() - 1).seq());
            if (events.size() < PAGE) {
                return false;
            }
        }
        return true;
    }

    /** Which of the events match, in log order. */
    private List<Numbered> matching(SearchRequest r, List<EventLog.Event> events) {
        Map<String, Long> seqs = EventLog.seqsByArticle(events);
        return search.matchingAmong(r, List.copyOf(seqs.keySet())).stream()
                .map(m -> new Numbered(seqs.get(m.id()), m))
                .sorted(Comparator.comparingLong(Numbered::seq)).toList();
    }
}

package org.newspipeline.query.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.newspipeline.query.search.SearchUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order in which articles became searchable ({@code article_event}): what a reconnecting
 * live stream missed and what a saved search has yet to deliver are read from it. Events are kept
 * for {@code query.events.retention}.
 */
@ApplicationScoped
public class EventLog {

    /** An article that became searchable: its place in the log and its id. */
    public record Event(long seq, String articleId) {
    }

    private static final Logger LOG = Logger.getLogger(EventLog.class);
    /** Pruning deletes in slices of this many rows, so that no one statement holds locks for long. */
    private static final int PRUNE_SLICE = 10_000;

    private final AgroalDataSource db;
    private final Duration retention;

    public EventLog(AgroalDataSource db, @ConfigProperty(name = "query.events.retention") Duration retention) {
        this.db = db;
        this.retention = retention;
    }

    /** Appends in the caller's transaction, which must hold the indexer's lock (see V8__alerts.sql). */
    public static List<Event> append(Connection c, List<String> articleIds) throws SQLException {
        List<Event> events = new ArrayList<>(articleIds.size());
        if (articleIds.isEmpty()) {
            return events;
        }
        // One statement for the batch; the ordered select draws the seqs in the batch's order.
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article_event (article_id)
                SELECT id FROM unnest(?) WITH ORDINALITY AS batch(id, n) ORDER BY n
                RETURNING seq, article_id""")) {
            insert.setArray(1, c.createArrayOf("text", articleIds.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::seq));
        return events;
    }

    /** Each article's place in these events (its first, should it appear twice). */
    public static Map<String, Long> seqsByArticle(List<Event> events) {
        return events.stream().collect(Collectors.toMap(Event::articleId, Event::seq, Math::min));
    }

    /** Up to {@code limit} events after {@code seq}, in order. */
    public List<Event> after(long seq, int limit) {
        List<Event> events = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, article_id FROM article_event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, seq);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
        return events;
    }

    /** The newest event's seq; 0 while there is none. */
    public long latest() {
        return single("SELECT coalesce(max(seq), 0) FROM article_event");
    }

    public Duration retention() {
        return retention;
    }

    /** The last seq pruning removed: events up to it are gone. */
    public long prunedThrough() {
        return single("SELECT pruned_through FROM article_event_horizon");
    }

    @Scheduled(every = "{query.events.prune-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("WITH gone AS (DELETE FROM article_event WHERE seq IN "
                     + "(SELECT seq FROM article_event WHERE at < ? ORDER BY seq LIMIT " + PRUNE_SLICE + ") RETURNING seq) "
                     + "UPDATE article_event_horizon SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone)) "
                     + "RETURNING (SELECT count(*) FROM gone)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            long pruned;
            do {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    pruned = rs.getLong(1);
                }
            } while (pruned == PRUNE_SLICE);
        } catch (SQLException e) {
            LOG.warnf("pruning the event log failed (tried again later): %s", e.getMessage());
        }
    }

    private long single(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }
}

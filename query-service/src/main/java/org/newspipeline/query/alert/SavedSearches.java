package org.newspipeline.query.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved searches in PostgreSQL ({@code saved_search}, V8__alerts.sql). */
@ApplicationScoped
public class SavedSearches {

    /** An owner keeps at most this many searches: each one costs every delivery round a query. */
    static final int MAX_PER_OWNER = 1_000;
    static final String COLUMNS = "id, owner, name, search::text, webhook_url, secret, created_at, delivered_seq, delivered, "
            + "failures, next_attempt_at, last_delivery_at, last_error, paused_reason";

    /** A saved search as stored. */
    record Row(UUID id, String owner, String name, SearchParams search, String webhookUrl, String secret, Instant createdAt,
               long deliveredSeq, long delivered, int failures, Instant nextAttemptAt, Instant lastDeliveryAt,
               String lastError, String pausedReason) {

        /** As its owner sees it (no secret). */
        SavedSearch view(long backlog) {
            SavedSearch.Delivery delivery = webhookUrl == null ? null : new SavedSearch.Delivery(delivered, failures,
                    lastDeliveryAt, lastError, pausedReason, backlog, failures == 0 ? null : nextAttemptAt);
            return new SavedSearch(id, name, search, webhookUrl, null, createdAt, delivery);
        }
    }

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public SavedSearches(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** @param startSeq the event log's position now: the search delivers what is stored after it */
    Row create(String owner, String name, SearchParams search, String webhookUrl, long startSeq) {
        UUID id = UUID.randomUUID();
        return withConnection(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "saved_search:" + owner); // two creates at once cannot both pass the count
                lock.execute();
            }
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM saved_search WHERE owner = ?")) {
                count.setString(1, owner);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= MAX_PER_OWNER) {
                        throw new BadParameterException("an API key keeps at most " + MAX_PER_OWNER + " saved searches; delete one first");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO saved_search (id, owner, name, search, webhook_url, secret, "
                    + "delivered_seq) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING " + COLUMNS)) {
                s.setObject(1, id);
                s.setString(2, owner);
                s.setString(3, name);
                s.setString(4, write(search));
                s.setString(5, webhookUrl);
                s.setString(6, WebhookSignature.newSecret());
                s.setLong(7, startSeq);
                Row row;
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    row = read(rs);
                }
                c.commit();
                return row;
            }
        });
    }

    List<Row> list(String owner) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM saved_search WHERE owner = ? ORDER BY created_at, id")) {
                s.setString(1, owner);
                return readAll(s);
            }
        });
    }

    Optional<Row> find(UUID id) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM saved_search WHERE id = ?")) {
                s.setObject(1, id);
                return readAll(s).stream().findFirst();
            }
        });
    }

    boolean delete(UUID id, String owner) {
        return update("DELETE FROM saved_search WHERE id = ? AND owner = ?", id, owner);
    }

    /** Restarts a paused delivery at once, from where it stopped. */
    boolean resume(UUID id, String owner) {
        return update("UPDATE saved_search SET paused_reason = NULL, failures = 0, next_attempt_at = now() "
                + "WHERE id = ? AND owner = ?", id, owner);
    }

    Row read(ResultSet rs) throws SQLException {
        try {
            return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), json.readValue(rs.getString(4), SearchParams.class),
                    rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), rs.getLong(8), rs.getLong(9), rs.getInt(10),
                    instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13), rs.getString(14));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved_search.search holds what this service did not write", e);
        }
    }

    private List<Row> readAll(PreparedStatement s) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    private boolean update(String sql, UUID id, String owner) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, id);
                s.setString(2, owner);
                return s.executeUpdate() == 1;
            }
        });
    }

    private String write(SearchParams search) {
        try {
            return json.writeValueAsString(search);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T withConnection(Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }
}

package org.newspipeline.query.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.newspipeline.contract.Backoff;
import org.newspipeline.query.live.EventLog;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Posts each newly stored article that matches a saved search to its webhook, in log order, at
 * least once. A worker takes one due search at a time, its row locked ({@code FOR UPDATE SKIP
 * LOCKED}) until the round's outcome is committed: any number of replicas deliver, never two the
 * same search at once, and a replica killed mid-round leaves the round to be posted again, with the
 * same {@code webhook-id} per article. A failed post stops the round; the search waits (doubling
 * pauses) and is paused, with the reason, after {@code query.alerts.max-failures} in a row.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final String CLAIM = "SELECT " + SavedSearches.COLUMNS + " FROM saved_search "
            + "WHERE paused_reason IS NULL AND webhook_url IS NOT NULL AND next_attempt_at <= now() AND delivered_seq < ? "
            + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED";

    private final AgroalDataSource db;
    private final SavedSearches searches;
    private final EventLog log;
    private final ArticleSearch search;
    private final WebhookTargets targets;
    private final AlertConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Backoff retries;
    private final HttpClient http;
    private ExecutorService workers;
    private volatile boolean running;

    public WebhookDelivery(AgroalDataSource db, SavedSearches searches, EventLog log, ArticleSearch search,
                           WebhookTargets targets, AlertConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.db = db;
        this.searches = searches;
        this.log = log;
        this.search = search;
        this.targets = targets;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.retries = new Backoff(config.firstRetry(), config.longestRetry());
        // Redirects are not followed: one could lead to an address the target check refused.
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < config.workers(); i++) {
            workers.submit(this::work);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        workers.shutdownNow();
        workers.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private void work() {
        while (running) {
            boolean delivered;
            try {
                delivered = deliverOne();
            } catch (RuntimeException e) {
                LOG.warnf("webhook delivery waits: %s", e.getMessage());
                delivered = false;
            }
            if (!delivered) {
                try {
                    Thread.sleep(config.poll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round for one due search. @return whether there was one */
    boolean deliverOne() {
        long latest = log.latest();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                SavedSearches.Row row;
                try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                    claim.setLong(1, latest);
                    try (ResultSet rs = claim.executeQuery()) {
                        if (!rs.next()) {
                            c.commit();
                            return false;
                        }
                        row = searches.read(rs);
                    }
                }
                record(c, row, round(c, row));
                c.commit();
                return true;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database is away: " + e.getMessage(), e);
        }
    }

    /** What a round did: where the search now stands, what it delivered, and the failure that stopped it. */
    private record Outcome(long deliveredSeq, long delivered, Optional<String> failure) {
    }

    private Outcome round(Connection c, SavedSearches.Row row) throws SQLException {
        SearchRequest request;
        try {
            request = row.search().request();
        } catch (BadParameterException e) {
            return new Outcome(row.deliveredSeq(), 0, Optional.of("the saved search is no longer valid: " + e.getMessage()));
        }
        List<EventLog.Event> events = log.after(row.deliveredSeq(), config.batch());
        Map<String, Long> seqs = events.stream().collect(Collectors.toMap(EventLog.Event::articleId, EventLog.Event::seq, Math::min));
        List<ArticleRow> matches = search.rowsAmong(request, List.copyOf(seqs.keySet())).stream()
                .sorted(Comparator.comparingLong(a -> seqs.get(a.id()))).toList();
        long at = row.deliveredSeq();
        long delivered = 0;
        for (ArticleRow article : matches) {
            long seq = seqs.get(article.id());
            if (request.byStory() && storyDelivered(c, row, article.story())) {
                at = seq;
                continue;
            }
            Optional<String> failure = post(row, seq, article);
            if (failure.isPresent()) {
                return new Outcome(at, delivered, failure);
            }
            if (request.byStory()) {
                noteStory(c, row, article.story());
            }
            at = seq;
            delivered++;
        }
        return new Outcome(events.isEmpty() ? at : events.get(events.size() - 1).seq(), delivered, Optional.empty());
    }

    /** With collapse=story: whether an article of the story was delivered already. */
    private static boolean storyDelivered(Connection c, SavedSearches.Row row, String story) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM saved_search_story WHERE search_id = ? AND story_id = ?")) {
            s.setObject(1, row.id());
            s.setString(2, story);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void noteStory(Connection c, SavedSearches.Row row, String story) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO saved_search_story (search_id, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setObject(1, row.id());
            s.setString(2, story);
            s.executeUpdate();
        }
    }

    /** @return why the receiver did not take it, or empty when it answered 2xx */
    private Optional<String> post(SavedSearches.Row row, long seq, ArticleRow article) {
        Optional<String> refused = targets.refusal(row.webhookUrl());
        if (refused.isPresent()) {
            return Optional.of("the webhook URL " + refused.get());
        }
        String id = row.id() + "." + seq;
        long timestamp = Instant.now().getEpochSecond();
        byte[] body = body(id, row, article);
        HttpRequest request = HttpRequest.newBuilder(URI.create(row.webhookUrl())).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "news-pipeline-webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(row.secret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            metrics.counter("news.webhook.posts", "outcome", status / 100 == 2 ? "delivered" : "refused").increment();
            return status / 100 == 2 ? Optional.empty() : Optional.of("the receiver answered HTTP " + status);
        } catch (IOException e) {
            metrics.counter("news.webhook.posts", "outcome", "failed").increment();
            return Optional.of("the receiver could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("delivery stopped");
        }
    }

    private byte[] body(String id, SavedSearches.Row row, ArticleRow article) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id).put("type", "article.matched").put("timestamp", Instant.now().toString());
        body.putObject("search").put("id", row.id().toString()).put("name", row.name());
        body.set("article", json.valueToTree(article));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(Connection c, SavedSearches.Row row, Outcome outcome) throws SQLException {
        int failures = outcome.failure().isPresent() ? row.failures() + 1 : 0;
        String paused = failures >= config.maxFailures()
                ? "paused after " + failures + " failed deliveries in a row: " + outcome.failure().get() : null;
        if (paused != null) {
            LOG.warnf("saved search %s: %s", row.id(), paused);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE saved_search SET delivered_seq = ?, delivered = delivered + ?, "
                + "failures = ?, next_attempt_at = ?, last_delivery_at = CASE WHEN ? > 0 THEN now() ELSE last_delivery_at END, "
                + "last_error = coalesce(?, last_error), paused_reason = ? WHERE id = ?")) {
            s.setLong(1, outcome.deliveredSeq());
            s.setLong(2, outcome.delivered());
            s.setInt(3, failures);
            s.setTimestamp(4, Timestamp.from(failures == 0 ? Instant.now() : Instant.now().plus(retries.after(failures))));
            s.setLong(5, outcome.delivered());
            s.setString(6, outcome.failure().orElse(null));
            s.setString(7, paused);
            s.setObject(8, row.id());
            s.executeUpdate();
        }
    }
}

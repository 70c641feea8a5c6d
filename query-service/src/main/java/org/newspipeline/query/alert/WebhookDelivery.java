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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Posts each newly stored article that matches a saved search to its webhook, in log order, at
 * least once. A worker takes one due search at a time under a lease (a few post timeouts long,
 * renewed after each post): any number of replicas deliver, never two the same search at once, and
 * a replica killed mid-round leaves the search to another once its lease runs out, which posts
 * again only the article in flight, with the same {@code webhook-id}. Progress is committed after
 * each post. A failed post ends the round; the search waits (doubling pauses) and is paused, with
 * the reason, after {@code query.alerts.max-failures} failures in a row.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final String CLAIM = "UPDATE saved_search SET lease = ?, leased_until = now() + make_interval(secs => ?) "
            + "WHERE id = (SELECT id FROM saved_search WHERE paused_reason IS NULL AND webhook_url IS NOT NULL "
            + "AND next_attempt_at <= now() AND delivered_seq < ? AND (leased_until IS NULL OR leased_until < now()) "
            + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + SavedSearches.COLUMNS;
    private static final String PROGRESS = "UPDATE saved_search SET delivered_seq = ?, delivered = delivered + 1, failures = 0, "
            + "last_delivery_at = now(), leased_until = now() + make_interval(secs => ?) WHERE id = ? AND lease = ?";
    private static final String RELEASE = "UPDATE saved_search SET delivered_seq = greatest(delivered_seq, ?), failures = ?, "
            + "next_attempt_at = ?, last_error = coalesce(?, last_error), paused_reason = ?, lease = NULL, leased_until = NULL "
            + "WHERE id = ? AND lease = ?";

    private final AgroalDataSource db;
    private final SavedSearches searches;
    private final EventLog log;
    private final ArticleSearch search;
    private final WebhookTargets targets;
    private final AlertConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Backoff retries;
    private final long leaseSeconds;
    private final HttpClient http;
    private ExecutorService workers;
    private volatile boolean running;

    public WebhookDelivery(AgroalDataSource db, SavedSearches searches, EventLog log, ArticleSearch search,
                           WebhookTargets targets, AlertConfig config, ObjectMapper json, MeterRegistry metrics) {
        if (config.maxFailures() < 1 || config.workers() < 0) {
            throw new IllegalArgumentException("query.alerts.max-failures must be 1 or more and query.alerts.workers 0 or more");
        }
        this.db = db;
        this.searches = searches;
        this.log = log;
        this.search = search;
        this.targets = targets;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.retries = new Backoff(config.firstRetry(), config.longestRetry());
        this.leaseSeconds = 3 * Math.max(1, config.timeout().toSeconds()) + 5;
        // Redirects are not followed: one could lead to an address the target check refused.
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    void start(@Observes StartupEvent event) {
        if (config.workers() == 0) {
            return;
        }
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
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
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
        UUID lease = UUID.randomUUID();
        Optional<SavedSearches.Row> claimed = searches.withConnection(c -> {
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setObject(1, lease);
                claim.setLong(2, leaseSeconds);
                claim.setLong(3, latest);
                try (ResultSet rs = claim.executeQuery()) {
                    return rs.next() ? Optional.of(searches.read(rs)) : Optional.empty();
                }
            }
        });
        if (claimed.isEmpty()) {
            return false;
        }
        SavedSearches.Row row = claimed.get();
        Outcome outcome;
        try {
            outcome = searches.withConnection(c -> round(c, row, lease));
        } catch (RuntimeException e) {
            // The index or the database away: the search is left as it was, for whoever comes next.
            searches.withConnection(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE saved_search SET lease = NULL, leased_until = NULL "
                        + "WHERE id = ? AND lease = ?")) {
                    s.setObject(1, row.id());
                    s.setObject(2, lease);
                    return s.executeUpdate();
                }
            });
            throw e;
        }
        searches.withConnection(c -> {
            release(c, row, lease, outcome);
            return null;
        });
        return true;
    }

    /**
     * What a round did: where the search now stands, what it delivered, the failure that ended it,
     * and a note that is no failure (what retention took before it could be delivered).
     */
    private record Outcome(long deliveredSeq, long delivered, Optional<String> failure, String note) {
    }

    private Outcome round(Connection c, SavedSearches.Row row, UUID lease) throws SQLException {
        SearchRequest request;
        try {
            request = row.search().request();
        } catch (BadParameterException e) {
            return new Outcome(row.deliveredSeq(), 0, Optional.of("the saved search is no longer valid: " + e.getMessage()), null);
        }
        long at = row.deliveredSeq();
        String note = null;
        long pruned = log.prunedThrough();
        if (at < pruned) {
            note = "articles stored before event " + (pruned + 1) + " were past the event log's retention (" + log.retention()
                    + ") before they could be delivered; delivery went on after them";
            at = pruned;
        }
        List<EventLog.Event> events = log.after(at, config.batch());
        Map<String, Long> seqs = EventLog.seqsByArticle(events);
        List<ArticleRow> matches = search.rowsAmong(request, List.copyOf(seqs.keySet())).stream()
                .sorted(Comparator.comparingLong(a -> seqs.get(a.id()))).toList();
        long delivered = 0;
        for (ArticleRow article : matches) {
            long seq = seqs.get(article.id());
            if (request.byStory() && storyDelivered(c, row, article.story())) {
                at = seq;
                continue;
            }
            Optional<String> failure = post(row, seq, article);
            if (failure.isPresent()) {
                return new Outcome(at, delivered, failure, note);
            }
            if (request.byStory()) {
                noteStory(c, row, article.story());
            }
            if (!progress(c, row, lease, seq)) {
                LOG.warnf("saved search %s: its lease ran out during a round; another replica goes on from event %d", row.id(), seq);
                return new Outcome(seq, delivered + 1, Optional.empty(), note);
            }
            at = seq;
            delivered++;
        }
        return new Outcome(events.isEmpty() ? at : events.get(events.size() - 1).seq(), delivered, Optional.empty(), note);
    }

    /** Commits one delivery and renews the lease. @return whether the lease is still this round's */
    private boolean progress(Connection c, SavedSearches.Row row, UUID lease, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PROGRESS)) {
            s.setLong(1, seq);
            s.setLong(2, leaseSeconds);
            s.setObject(3, row.id());
            s.setObject(4, lease);
            return s.executeUpdate() == 1;
        }
    }

    /** With collapse=story: whether an article of the story was delivered already. */
    private static boolean storyDelivered(Connection c, SavedSearches.Row row, String story) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM saved_search_story WHERE search_id = ? AND story_id = ?")) {
            s.setObject(1, row.id());
            s.setString(2, story);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
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
        // The timeout covers the answer's head; its body is not read (closed at once), so a receiver that
        // trickles one cannot hold the worker.
        try {
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close();
            int status = answer.statusCode();
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

    /** Ends the round: where the search stands, its failures in a row, when it is due again; the lease given up. */
    private void release(Connection c, SavedSearches.Row row, UUID lease, Outcome outcome) throws SQLException {
        // Failures in a row: a round that delivered something before it failed starts a new row.
        int failures = outcome.failure().isEmpty() ? 0 : outcome.delivered() > 0 ? 1 : row.failures() + 1;
        String paused = failures >= config.maxFailures()
                ? "paused after " + failures + " failed deliveries in a row: " + outcome.failure().orElseThrow() : null;
        if (paused != null) {
            LOG.warnf("saved search %s: %s", row.id(), paused);
        }
        Duration wait = failures == 0 ? Duration.ZERO : retries.after(failures);
        try (PreparedStatement s = c.prepareStatement(RELEASE)) {
            s.setLong(1, outcome.deliveredSeq());
            s.setInt(2, failures);
            s.setTimestamp(3, Timestamp.from(Instant.now().plus(wait)));
            s.setString(4, outcome.failure().orElse(outcome.note()));
            s.setString(5, paused);
            s.setObject(6, row.id());
            s.setObject(7, lease);
            s.executeUpdate();
        }
    }
}

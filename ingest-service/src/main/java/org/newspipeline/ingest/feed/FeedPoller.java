package org.newspipeline.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.fetch.BoundedBody;
import org.newspipeline.ingest.fetch.PageFetcher;
import org.newspipeline.ingest.fetch.PageFetches;
import org.newspipeline.ingest.format.TextFiles;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls the configured RSS 2.0 and Atom feeds with conditional GET. New items whose link is a web
 * page go to {@link PageFetches}, which publishes them with their page's text; the rest are
 * published as the feed gives them. A feed's ETag and
 * Last-Modified are saved only once every item was acknowledged by Kafka, so items that could
 * not be published are fetched again next time (duplicates are recognised, not republished).
 * <p>
 * Feeds are read as pages are: our User-Agent, the fetch time limit for the whole response and
 * the page size limit. Hosts are polled in parallel ({@code ingest.feeds.parallel-hosts} at once),
 * the feeds of one host one after another, so a slow host delays only its own feeds.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final IngestConfig config;
    private final FeedStateStore states;
    private final Ingestion ingestion;
    private final PageFetches fetches;
    private final HttpClient http;
    private final String userAgent;
    private final ExecutorService hosts;

    public FeedPoller(IngestConfig config, FeedStateStore states, Ingestion ingestion, PageFetches fetches) {
        this.config = config;
        this.states = states;
        this.ingestion = ingestion;
        this.fetches = fetches;
        // Feeds are addresses the operator gave: read directly, not through the proxy meant for the links they hold.
        this.http = HttpClient.newBuilder().connectTimeout(config.fetch().timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.userAgent = PageFetcher.userAgent(config.fetch());
        AtomicInteger n = new AtomicInteger();
        this.hosts = Executors.newFixedThreadPool(config.feeds().parallelHosts(), r -> {
            Thread t = new Thread(r, "feed-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        hosts.shutdownNow();
    }

    @Scheduled(every = "${ingest.feeds.poll-interval:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollAll() {
        pollAll(config.feeds().urls().orElse(List.of()));
    }

    /** Polls every feed once: hosts in parallel, each host's feeds one after another; returns when all are done. */
    public void pollAll(List<String> urls) {
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        for (String url : urls) {
            byHost.computeIfAbsent(WebUrls.host(url).orElse(url), h -> new ArrayList<>()).add(url);
        }
        List<Future<?>> polls = new ArrayList<>();
        byHost.values().forEach(feeds -> polls.add(hosts.submit(() -> feeds.forEach(this::poll))));
        for (Future<?> poll : polls) {
            try {
                poll.get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "polling feeds failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls one feed now; the outcome is recorded in its {@link FeedState}. */
    public FeedState poll(String url) {
        FeedState before = states.get(url);
        Instant now = Instant.now();
        FeedState after;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.fetch().timeout())
                    .header("User-Agent", userAgent).GET();
            if (before.etag() != null) {
                request.header("If-None-Match", before.etag());
            }
            if (before.lastModified() != null) {
                request.header("If-Modified-Since", before.lastModified());
            }
            HttpResponse<InputStream> response = PageFetcher.send(http, request.build(), config.fetch().timeout());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    after = new FeedState(before.etag(), before.lastModified(), now, null, before.items(), before.undatedItems());
                } else if (response.statusCode() != 200) {
                    after = failed(before, now, "HTTP " + response.statusCode());
                } else {
                    byte[] bytes = BoundedBody.read(body, config.fetch().maxBytes() + 1L, config.fetch().timeout());
                    after = bytes == null ? failed(before, now, "body took longer than " + config.fetch().timeout().toSeconds() + " s")
                            : bytes.length > config.fetch().maxBytes()
                            ? failed(before, now, "feed larger than " + config.fetch().maxBytes() + " bytes")
                            : publishItems(url, response, bytes, before, now);
                }
            }
        } catch (Exception e) {
            after = failed(before, now, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (after.lastError() != null) {
            LOG.warnf("feed %s: %s", url, after.lastError());
        }
        states.put(url, after);
        return after;
    }

    private FeedState publishItems(String url, HttpResponse<?> response, byte[] bytes, FeedState before, Instant now)
            throws Exception {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        // A feed that names no charset anywhere is read in the one its bytes fit (UOL serves ISO-8859-1).
        XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), contentType, true, TextFiles.charsetOf(bytes).name());
        Map<String, String> rawDates = FeedItems.rawDates(new String(bytes, Charset.forName(reader.getEncoding())));
        SyndFeed feed = new SyndFeedInput().build(reader);
        List<RawArticle> articles = new ArrayList<>();
        int undated = 0;
        int queued = 0;
        for (SyndEntry entry : feed.getEntries()) {
            ArticleSubmission item = FeedItems.toSubmission(feed, entry, rawDates);
            if (item == null) {
                continue;
            }
            try {
                RawArticle article = ingestion.prepare(item, ArticleOrigin.feed(url), now);
                undated += item.publishedAt() == null ? 1 : 0;
                if (ingestion.isPublished(article.id())) {
                    continue;
                }
                if (fetches.enabled() && item.url() != null) {
                    fetches.submit(item, ArticleOrigin.feed(url), now);
                    queued++;
                } else {
                    articles.add(article);
                }
            } catch (InvalidArticleException e) {
                LOG.warnf("feed %s: item %s skipped: %s", url, entry.getLink(), e.getMessage());
            }
        }
        List<Ingestion.Outcome> outcomes = ingestion.ingestAll(articles).await().atMost(config.publishTimeout().multipliedBy(2));
        long accepted = queued + outcomes.stream().filter(o -> o.status() == Ingestion.Status.ACCEPTED).count();
        return new FeedState(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), now, null,
                before.items() + accepted, before.undatedItems() + (accepted == 0 ? 0 : undated));
    }

    private static FeedState failed(FeedState before, Instant now, String error) {
        return new FeedState(before.etag(), before.lastModified(), now, error, before.items(), before.undatedItems());
    }
}

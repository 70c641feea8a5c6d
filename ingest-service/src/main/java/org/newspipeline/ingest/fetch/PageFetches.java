package org.newspipeline.ingest.fetch;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.Backoff;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.extract.WebPage;
import org.newspipeline.ingest.extract.PageReader;
import org.newspipeline.ingest.source.PendingFetch;
import org.newspipeline.ingest.source.SourceOwnership;
import org.newspipeline.ingest.source.SourceTopics;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pages behind feed items and sitemap entries, fetched politely ({@link HostSlots}): one
 * request at a time per host with a pause between them, failures that may pass retried with
 * doubling waits. An item whose page cannot be had is published with its feed text and the reason
 * ({@link RawArticle.Fetch}) at the first failure, so a slow or refusing site never holds it back;
 * a later success replaces it. Items not yet done are kept on {@code sources.state} in their
 * source's partition ({@link PendingFetch}): a restart or the replica taking the source over loses none.
 */
@ApplicationScoped
public class PageFetches {

    private static final Logger LOG = Logger.getLogger(PageFetches.class);
    /** Below this, what a page yields is a teaser or a consent wall, not the article. */
    static final int MIN_PAGE_TEXT = 200;
    private static final Duration BROKER_AWAY_PAUSE = Duration.ofSeconds(5);
    /** Retries of a page double from ingest.fetch.retry-backoff; max-attempts ends them long before a day. */
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofDays(1);
    private final Backoff retries;

    /** Per host: pages read, failures, links robots.txt refused, and the last failure. */
    public record HostCounts(long fetched, long failed, long disallowed, String lastError) {
        HostCounts add(long f, long e, long d, String error) {
            return new HostCounts(fetched + f, failed + e, disallowed + d, error != null ? error : lastError);
        }
    }

    public record Status(int queued, Map<String, HostCounts> hosts) {
    }

    private final IngestConfig.Fetch config;
    private final PageFetcher fetcher;
    private final HostSlots hosts;
    private final Ingestion ingestion;
    private final ManagedExecutor executor;
    private final PageReader pages;
    private final SourceTopics state;
    private final SourceOwnership ownership;
    private final Duration publishTimeout;
    /** Items being fetched now, by link. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final Map<String, HostCounts> counts = new TreeMap<>();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "page-fetch-dispatch");
        t.setDaemon(true);
        return t;
    });

    public PageFetches(IngestConfig config, PageFetcher fetcher, HostSlots hosts, Ingestion ingestion,
                       ManagedExecutor executor, PageReader pages, SourceTopics state, SourceOwnership ownership) {
        this.pages = pages;
        this.config = config.fetch();
        this.fetcher = fetcher;
        this.hosts = hosts;
        this.ingestion = ingestion;
        this.executor = executor;
        this.state = state;
        this.ownership = ownership;
        this.publishTimeout = config.publishTimeout();
        // Made here, so that a retry-backoff no schedule can follow stops the start, not each retry.
        Duration first = this.config.retryBackoff();
        this.retries = new Backoff(first, first.compareTo(LONGEST_RETRY_WAIT) > 0 ? first : LONGEST_RETRY_WAIT);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Queues an item whose link is a web page, in its source's partition; returns at once.
     *
     * @return false when it was queued already
     */
    public synchronized boolean submit(int partition, ArticleSubmission item, ArticleOrigin origin, RawArticle.Outlet outlet,
                                       Instant referenceTime) {
        if (state.hasFetch(item.url())) {
            return false;
        }
        state.putFetch(new PendingFetch(partition, item, origin.toString(), outlet, referenceTime, 0, Instant.EPOCH, null));
        return true;
    }

    public synchronized Status status() {
        return new Status(state.pendingFetches(), Map.copyOf(counts));
    }

    /** Quarkus' scheduler ticks no faster than once a second; the queue looks for work every {@code tick}. */
    void start(@Observes StartupEvent event) {
        long tick = config.tick().toMillis();
        dispatcher.scheduleWithFixedDelay(this::dispatch, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
    }

    synchronized void dispatch() {
        try {
            dispatchReady();
        } catch (RuntimeException e) {
            // The timer must keep ticking whatever one round met.
            LOG.error("page fetch dispatch", e);
        }
    }

    private void dispatchReady() {
        Instant now = Instant.now();
        Set<Integer> owned = ownership.owned();
        for (PendingFetch p : state.fetches()) {
            if (!owned.contains(p.partition()) || p.notBefore().isAfter(now) || working.contains(p.item().url())) {
                continue;
            }
            // A paused source's pages wait; a deleted one's are dropped by its partition's owner (SourceTopics).
            if (p.outlet() != null && state.source(p.outlet().sourceId()).map(Source::paused).orElse(false)) {
                continue;
            }
            if (!ownership.begin(p.partition())) {
                continue;
            }
            String host = WebUrls.host(p.item().url()).orElse("");
            if (!hosts.tryAcquire(host, now)) {
                ownership.finished(p.partition());
            } else {
                working.add(p.item().url());
                executor.execute(() -> work(p, host));
            }
        }
    }

    private void work(PendingFetch p, String host) {
        PendingFetch next = null;
        try {
            next = handle(p, host, fetch(p.item().url()));
        } catch (PageReader.ReadersBusyException e) {
            next = retryLater(p, BROKER_AWAY_PAUSE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "fetching %s", p.item().url());
            next = retryLater(p, BROKER_AWAY_PAUSE);
        } finally {
            finish(p, next, host);
        }
    }

    private FetchResult fetch(String url) {
        try {
            return fetcher.fetch(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return new FetchResult.Failure(0, "not a valid URL: " + e.getReason(), false);
        }
    }

    /** @return what stays pending, or null when the item is done */
    private PendingFetch handle(PendingFetch p, String host, FetchResult result) {
        ArticleOrigin origin = ArticleOrigin.parse(p.origin());
        if (result instanceof FetchResult.NotModified) {
            count(host, 1, 0, 0, null);
            return null;
        }
        if (result instanceof FetchResult.Page page) {
            WebPage read;
            try {
                read = pages.read(page.html(), page.charset(), page.finalUrl().toString());
            } catch (InvalidArticleException e) {
                read = null;
                result = new FetchResult.Failure(200, e.getMessage(), false);
            }
            if (read != null && read.text().length() >= MIN_PAGE_TEXT) {
                try {
                    RawArticle article = ingestion.prepare(merge(p, read), origin, p.referenceTime()).withOutlet(p.outlet());
                    publish(p.publishedId() != null ? ingestion.update(article) : ingestion.ingest(article));
                    count(host, 1, 0, 0, null);
                    return null;
                } catch (InvalidArticleException e) {
                    result = new FetchResult.Failure(200, "page text refused: " + e.getMessage(), false);
                }
            } else if (read != null) {
                result = new FetchResult.Failure(200, "no main text on the page", false);
            }
        }
        FetchResult.Failure failure = (FetchResult.Failure) result;
        boolean disallowed = failure.reason().startsWith("robots.txt disallows");
        count(host, 0, disallowed ? 0 : 1, disallowed ? 1 : 0, failure.reason());
        String publishedId = p.publishedId();
        // A sitemap entry has no text of its own to fall back on: it waits for its page, or is dropped.
        if (publishedId == null && p.item().body() != null) {
            RawArticle feedText = ingestion.prepare(p.item(), origin, p.referenceTime()).withOutlet(p.outlet())
                    .withFetch(new RawArticle.Fetch(failure.status(), failure.reason()));
            publishedId = publish(ingestion.ingest(feedText)).id();
        }
        if (!failure.retryable() || p.attempts() + 1 >= config.maxAttempts()) {
            return null;
        }
        Duration wait = retries.after(p.attempts() + 1);
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter();
        }
        return p.retry(p.attempts() + 1, Instant.now().plus(wait), publishedId);
    }

    /** The item's own metadata first (the feed states it for this item), the page for the rest. */
    private static ArticleSubmission merge(PendingFetch p, WebPage page) {
        ArticleSubmission item = p.item();
        // Once published under the item's link, a replacement keeps that id; else the page's own address decides duplicates.
        String url = p.publishedId() != null || page.canonicalUrl() == null ? item.url() : page.canonicalUrl();
        String date = item.publishedAt() != null ? item.publishedAt()
                : page.publishedAt() == null ? null : page.publishedAt().toString();
        String author = item.author() != null ? item.author()
                : page.authors().isEmpty() ? null : String.join(", ", page.authors());
        return new ArticleSubmission(item.title() != null ? item.title() : page.title(), page.text(), url, item.source(),
                date, page.language() != null ? page.language() : item.language(), item.receivedAt(), author,
                item.categories());
    }

    private Ingestion.Outcome publish(io.smallrye.mutiny.Uni<Ingestion.Outcome> outcome) {
        return outcome.await().atMost(publishTimeout.multipliedBy(2));
    }

    private static PendingFetch retryLater(PendingFetch p, Duration wait) {
        return p.retry(p.attempts(), Instant.now().plus(wait), p.publishedId());
    }

    private void finish(PendingFetch p, PendingFetch next, String host) {
        if (next == null) {
            state.removeFetch(p);
        } else {
            state.putFetch(next);
        }
        working.remove(p.item().url());
        hosts.release(host, p.item().url(), config.perHostDelay());
        ownership.finished(p.partition());
    }

    private synchronized void count(String host, long fetched, long failed, long disallowed, String error) {
        counts.merge(host, new HostCounts(fetched, failed, disallowed, error), (a, b) -> a.add(fetched, failed, disallowed, error));
    }
}

package org.newspipeline.ingest.fetch;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.extract.WebPage;
import org.newspipeline.ingest.extract.PageReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pages behind feed items, fetched politely: one request at a time per host with a pause
 * between them, failures that may pass retried with doubling waits. An item whose page cannot be
 * had is published with its feed text and the reason ({@link RawArticle.Fetch}) at the first
 * failure, so a slow or refusing site never holds it back; a later success replaces it. Items not
 * yet published are kept in {@code <state-dir>/fetches.json}, so a restart loses none.
 */
@ApplicationScoped
public class PageFetches {

    private static final Logger LOG = Logger.getLogger(PageFetches.class);
    /** Below this, what a page yields is a teaser or a consent wall, not the article. */
    static final int MIN_PAGE_TEXT = 200;
    private static final Duration CRAWL_DELAY_CAP = Duration.ofMinutes(1);
    private static final Duration BROKER_AWAY_PAUSE = Duration.ofSeconds(5);

    /** An item waiting for its page; {@code publishedId} is set once its feed text went out. */
    record Pending(ArticleSubmission item, String origin, Instant referenceTime, int attempts, Instant notBefore,
                   String publishedId) {
    }

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
    private final RobotsRules robots;
    private final Ingestion ingestion;
    private final ManagedExecutor executor;
    private final PageReader pages;
    private final Duration publishTimeout;
    private final Path file;
    private final Map<String, Pending> pending;
    private final Set<String> busyHosts = new HashSet<>();
    private final Map<String, Instant> hostFreeAt = new HashMap<>();
    private final Map<String, HostCounts> counts = new TreeMap<>();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "page-fetch-dispatch");
        t.setDaemon(true);
        return t;
    });

    public PageFetches(IngestConfig config, PageFetcher fetcher, RobotsRules robots, Ingestion ingestion,
                       ManagedExecutor executor, PageReader pages) {
        this.pages = pages;
        this.config = config.fetch();
        this.fetcher = fetcher;
        this.robots = robots;
        this.ingestion = ingestion;
        this.executor = executor;
        this.publishTimeout = config.publishTimeout();
        this.file = config.stateDir().resolve("fetches.json");
        this.pending = load(file);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Queues a feed item whose link is a web page; returns at once. */
    public synchronized void submit(ArticleSubmission item, ArticleOrigin origin, Instant referenceTime) {
        pending.putIfAbsent(item.url(), new Pending(item, origin.toString(), referenceTime, 0, Instant.EPOCH, null));
        save();
    }

    public synchronized Status status() {
        return new Status(pending.size(), Map.copyOf(counts));
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
        for (Pending p : List.copyOf(pending.values())) {
            String host = host(p.item().url());
            if (p.notBefore().isAfter(now) || busyHosts.contains(host)
                    || hostFreeAt.getOrDefault(host, Instant.EPOCH).isAfter(now)) {
                continue;
            }
            busyHosts.add(host);
            executor.execute(() -> work(p, host));
        }
    }

    private void work(Pending p, String host) {
        Pending next = null;
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
    private Pending handle(Pending p, String host, FetchResult result) {
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
                    RawArticle article = ingestion.prepare(merge(p, read), origin, p.referenceTime());
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
        if (publishedId == null) {
            RawArticle feedText = ingestion.prepare(p.item(), origin, p.referenceTime())
                    .withFetch(new RawArticle.Fetch(failure.status(), failure.reason()));
            publishedId = publish(ingestion.ingest(feedText)).id();
        }
        if (!failure.retryable() || p.attempts() + 1 >= config.maxAttempts()) {
            return null;
        }
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(p.attempts(), 20));
        return new Pending(p.item(), p.origin(), p.referenceTime(), p.attempts() + 1, Instant.now().plus(wait), publishedId);
    }

    /** The item's own metadata first (the feed states it for this item), the page for the rest. */
    private static ArticleSubmission merge(Pending p, WebPage page) {
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

    private static Pending retryLater(Pending p, Duration wait) {
        return new Pending(p.item(), p.origin(), p.referenceTime(), p.attempts(), Instant.now().plus(wait), p.publishedId());
    }

    private synchronized void finish(Pending p, Pending next, String host) {
        if (next == null) {
            pending.remove(p.item().url());
        } else {
            pending.put(p.item().url(), next);
        }
        save();
        Duration delay = config.perHostDelay();
        Duration asked = robots.crawlDelay(p.item().url()).orElse(Duration.ZERO);
        if (asked.compareTo(delay) > 0) {
            delay = asked.compareTo(CRAWL_DELAY_CAP) > 0 ? CRAWL_DELAY_CAP : asked;
        }
        hostFreeAt.put(host, Instant.now().plus(delay));
        busyHosts.remove(host);
    }

    private synchronized void count(String host, long fetched, long failed, long disallowed, String error) {
        counts.merge(host, new HostCounts(fetched, failed, disallowed, error), (a, b) -> a.add(fetched, failed, disallowed, error));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("fetches.json.tmp");
            Files.write(tmp, ContractJson.mapper().writeValueAsBytes(new ArrayList<>(pending.values())));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save pending fetches to " + file, e);
        }
    }

    private static Map<String, Pending> load(Path file) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                List<Pending> saved = ContractJson.mapper().readValue(file.toFile(), new TypeReference<List<Pending>>() { });
                saved.forEach(p -> pending.put(p.item().url(), p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read pending fetches " + file, e);
            }
        }
        return pending;
    }
}

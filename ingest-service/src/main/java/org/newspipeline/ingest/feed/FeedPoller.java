package org.newspipeline.ingest.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Source;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.fetch.FetchResult;
import org.newspipeline.ingest.fetch.PageFetcher;
import org.newspipeline.ingest.fetch.PageFetches;
import org.newspipeline.ingest.format.TextFiles;
import org.newspipeline.ingest.source.SourceTopics;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls one feed or sitemap of a source with a conditional GET through the page fetcher (robots.txt,
 * User-Agent, time and size limits). New feed items whose link is a web page go to
 * {@link PageFetches}, which publishes them with their page's text; the rest are published as the
 * feed gives them; a sitemap's news URLs are queued for their pages. The feed's state (validators,
 * interval, health) is written to {@code sources.state} after the items were acknowledged by Kafka,
 * so items that could not be published are fetched again next time.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final Pattern MAX_AGE = Pattern.compile("(?i)max-age\\s*=\\s*(\\d{1,9})");
    /** The pauses of one sitemap index's poll add up to about this at most: a very polite host gets fewer files per poll. */
    private static final Duration SITEMAP_POLL_PAUSES = Duration.ofMinutes(1);
    /** Sitemap URLs this replica queued already, remembered so that each page is asked for once. */
    private static final int TRIED_URLS = 100_000;

    /** What one poll found: new items, new items without a date, and how long the feed asks to be left alone. */
    private record Found(int newItems, int undated, Duration ttl) {
        static final Found NOTHING = new Found(0, 0, null);
    }

    private final IngestConfig config;
    private final SourceTopics topics;
    private final Ingestion ingestion;
    private final PageFetches fetches;
    private final PageFetcher fetcher;
    private final PollOutcomes outcomes;
    private final java.util.Set<String> triedUrls = java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > TRIED_URLS;
                }
            }));

    public FeedPoller(IngestConfig config, SourceTopics topics, Ingestion ingestion, PageFetches fetches, PageFetcher fetcher) {
        this.config = config;
        this.topics = topics;
        this.ingestion = ingestion;
        this.fetches = fetches;
        this.fetcher = fetcher;
        this.outcomes = new PollOutcomes(config.feeds());
    }

    /** Polls one feed or sitemap of the source now; the outcome is recorded and returned. */
    public FeedStatus poll(Source source, String url) {
        int partition = topics.partitionOf(source);
        FeedStatus before = topics.feed(url).filter(s -> s.sourceId().equals(source.id()))
                .orElse(FeedStatus.first(source.id(), url));
        Instant now = Instant.now();
        FeedStatus after;
        try {
            FetchResult result = fetcher.fetch(new URI(url), PageFetcher.Accept.XML,
                    new PageFetcher.Validators(before.etag(), before.lastModified()));
            if (result instanceof FetchResult.NotModified) {
                after = outcomes.notModified(before, now, null);
            } else if (result instanceof FetchResult.Failure failure) {
                after = outcomes.failed(before, now, failure.reason(), failure.retryAfter());
            } else {
                after = read(source, partition, url, (FetchResult.Page) result, before, now);
            }
        } catch (Exception e) {
            after = outcomes.failed(before, now, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        if (after.lastError() != null) {
            LOG.warnf("feed %s: %s", url, after.lastError());
        }
        topics.putFeed(partition, after);
        return after;
    }

    private FeedStatus read(Source source, int partition, String url, FetchResult.Page page, FeedStatus before, Instant now)
            throws Exception {
        String contentType = page.headers().firstValue("Content-Type").orElse(null);
        byte[] body = SitemapEntries.gunzipped(page.html(), config.fetch().maxBytes());
        Found found = SitemapEntries.isSitemap(body)
                ? sitemap(source, partition, url, body, contentType, now)
                : feedItems(source, partition, url, body, contentType, now);
        Duration asked = maxAge(page);
        if (found.ttl() != null && (asked == null || asked.compareTo(found.ttl()) < 0)) {
            asked = found.ttl();
        }
        return outcomes.succeeded(before, now, page.headers().firstValue("ETag").orElse(null),
                page.headers().firstValue("Last-Modified").orElse(null), found.newItems(), found.undated(), asked);
    }

    private Found feedItems(Source source, int partition, String url, byte[] bytes, String contentType, Instant now)
            throws Exception {
        // A feed that names no charset anywhere is read in the one its bytes fit (UOL serves ISO-8859-1).
        XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), contentType, true, TextFiles.charsetOf(bytes).name());
        Map<String, String> rawDates = FeedItems.rawDates(new String(bytes, Charset.forName(reader.getEncoding())));
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        SyndFeed feed = input.build(reader);
        ArticleOrigin origin = ArticleOrigin.feed(url);
        RawArticle.Outlet outlet = outlet(source);
        List<RawArticle> articles = new ArrayList<>();
        int undated = 0;
        int queued = 0;
        for (SyndEntry entry : feed.getEntries()) {
            ArticleSubmission item = FeedItems.toSubmission(feed, entry, rawDates);
            if (item == null) {
                continue;
            }
            try {
                RawArticle article = ingestion.prepare(item, origin, now).withOutlet(outlet);
                if (ingestion.isPublished(article.id())) {
                    continue;
                }
                boolean isNew = true;
                if (fetches.enabled() && item.url() != null) {
                    isNew = fetches.submit(partition, item, origin, outlet, now);
                    queued += isNew ? 1 : 0;
                } else {
                    articles.add(article);
                }
                undated += isNew && item.publishedAt() == null ? 1 : 0;
            } catch (InvalidArticleException e) {
                LOG.warnf("feed %s: item %s skipped: %s", url, entry.getLink(), e.getMessage());
            }
        }
        List<Ingestion.Outcome> published = ingestion.ingestAll(articles).await().atMost(config.publishTimeout().multipliedBy(2));
        int accepted = queued + (int) published.stream().filter(o -> o.status() == Ingestion.Status.ACCEPTED).count();
        Duration ttl = feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
                ? Duration.ofMinutes(Math.min(Duration.ofDays(1).toMinutes(), channel.getTtl())) : null;
        return new Found(accepted, accepted == 0 ? 0 : undated, ttl);
    }

    /**
     * A sitemap index's newest sitemaps read in turn (the host held, with its pause between them, as
     * many as fit in {@link #SITEMAP_POLL_PAUSES}), or one URL set.
     */
    private Found sitemap(Source source, int partition, String url, byte[] bytes, String contentType, Instant now)
            throws Exception {
        SitemapEntries.Parsed parsed = SitemapEntries.parse(bytes, contentType, url, now);
        List<SitemapEntries.Entry> entries = new ArrayList<>(parsed.entries());
        Duration pause = delay(source, config);
        long fit = pause.isZero() ? Long.MAX_VALUE : Math.max(1, SITEMAP_POLL_PAUSES.toMillis() / pause.toMillis());
        int children = (int) Math.min(Math.min(parsed.sitemaps().size(), config.feeds().sitemapsPerIndex()), fit);
        for (String child : parsed.sitemaps().subList(0, children)) {
            Thread.sleep(pause.toMillis());
            entries.addAll(childEntries(url, child, now));
        }
        if (!fetches.enabled()) {
            return Found.NOTHING;
        }
        ArticleOrigin origin = ArticleOrigin.feed(url);
        RawArticle.Outlet outlet = outlet(source);
        int queued = 0;
        for (SitemapEntries.Entry e : entries) {
            // A page published under its canonical address, or dropped, is not asked for again.
            if (ingestion.isPublished(ArticleIds.of(e.url(), null)) || !triedUrls.add(e.url())) {
                continue;
            }
            // No text yet: the page gives it, or the item is dropped (a sitemap has no text of its own to fall back on).
            ArticleSubmission item = new ArticleSubmission(e.title(), null, e.url(), source.name(),
                    e.published() == null ? null : e.published().toString(), e.language(), null, null, List.of());
            queued += fetches.submit(partition, item, origin, outlet, now) ? 1 : 0;
        }
        return new Found(queued, 0, null);
    }

    /** The news of one sitemap an index lists; none when it cannot be read (the index's other sitemaps still are). */
    private List<SitemapEntries.Entry> childEntries(String index, String child, Instant now) {
        try {
            FetchResult result = fetcher.fetch(new URI(child), PageFetcher.Accept.XML, PageFetcher.Validators.NONE);
            if (result instanceof FetchResult.Page page) {
                byte[] body = SitemapEntries.gunzipped(page.html(), config.fetch().maxBytes());
                if (SitemapEntries.isSitemap(body)) {
                    return SitemapEntries.parse(body, page.headers().firstValue("Content-Type").orElse(null), child, now).entries();
                }
            }
            LOG.debugf("sitemap %s of %s not read: %s", child, index, result);
        } catch (Exception e) {
            LOG.debugf("sitemap %s of %s not read: %s", child, index, e.getMessage());
        }
        return List.of();
    }

    static RawArticle.Outlet outlet(Source source) {
        return new RawArticle.Outlet(source.id(), source.name(), source.kind(), source.country());
    }

    /** The pause between two requests to the source's hosts. */
    static Duration delay(Source source, IngestConfig config) {
        return source.perHostDelay() != null ? Duration.ofSeconds(source.perHostDelay()) : config.fetch().perHostDelay();
    }

    private static Duration maxAge(FetchResult.Page page) {
        Optional<String> cacheControl = page.headers().firstValue("Cache-Control");
        if (cacheControl.isEmpty()) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(cacheControl.get());
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }
}

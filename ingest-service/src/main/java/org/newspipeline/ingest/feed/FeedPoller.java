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

    private final IngestConfig config;
    private final SourceTopics topics;
    private final Ingestion ingestion;
    private final PageFetches fetches;
    private final PageFetcher fetcher;
    private final PollOutcomes outcomes;

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
        Duration asked = maxAge(page);
        int[] counts = SitemapEntries.isSitemap(page.html())
                ? sitemap(source, partition, url, page.html(), contentType, now)
                : feedItems(source, partition, url, page.html(), contentType, now);
        if (counts[2] > 0) {
            asked = asked == null || asked.toSeconds() < counts[2] ? Duration.ofSeconds(counts[2]) : asked;
        }
        return outcomes.succeeded(before, now, page.headers().firstValue("ETag").orElse(null),
                page.headers().firstValue("Last-Modified").orElse(null), counts[0], counts[1], asked);
    }

    /** @return new items, undated new items, the feed's ttl in seconds (0 when it has none) */
    private int[] feedItems(Source source, int partition, String url, byte[] bytes, String contentType, Instant now)
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
        int ttl = feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
                ? (int) Math.min(Duration.ofDays(1).toSeconds(), channel.getTtl() * 60L) : 0;
        return new int[] {accepted, accepted == 0 ? 0 : undated, ttl};
    }

    /** A sitemap index's newest sitemaps read in turn (the host held, with its pause), or one URL set. */
    private int[] sitemap(Source source, int partition, String url, byte[] bytes, String contentType, Instant now)
            throws Exception {
        SitemapEntries.Parsed parsed = SitemapEntries.parse(bytes, contentType, url, now);
        List<SitemapEntries.Entry> entries = new ArrayList<>(parsed.entries());
        for (String child : parsed.sitemaps().subList(0, Math.min(parsed.sitemaps().size(), config.feeds().sitemapsPerIndex()))) {
            Thread.sleep(delay(source, config).toMillis());
            FetchResult result = fetcher.fetch(new URI(child), PageFetcher.Accept.XML, PageFetcher.Validators.NONE);
            if (result instanceof FetchResult.Page page && SitemapEntries.isSitemap(page.html())) {
                entries.addAll(SitemapEntries.parse(page.html(), page.headers().firstValue("Content-Type").orElse(null),
                        child, now).entries());
            } else {
                LOG.debugf("sitemap %s of %s not read: %s", child, url, result);
            }
        }
        if (!fetches.enabled()) {
            return new int[] {0, 0, 0};
        }
        ArticleOrigin origin = ArticleOrigin.feed(url);
        RawArticle.Outlet outlet = outlet(source);
        int queued = 0;
        for (SitemapEntries.Entry e : entries) {
            if (ingestion.isPublished(ArticleIds.of(e.url(), null))) {
                continue;
            }
            // No text yet: the page gives it, or the item is dropped (a sitemap has no text of its own to fall back on).
            ArticleSubmission item = new ArticleSubmission(e.title(), null, e.url(), source.name(),
                    e.published() == null ? null : e.published().toString(), e.language(), null, null, List.of());
            queued += fetches.submit(partition, item, origin, outlet, now) ? 1 : 0;
        }
        return new int[] {queued, 0, 0};
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

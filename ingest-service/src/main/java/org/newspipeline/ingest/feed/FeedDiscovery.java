package org.newspipeline.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newspipeline.contract.LanguageCodes;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.extract.PageReader;
import org.newspipeline.ingest.extract.UnreadablePageException;
import org.newspipeline.ingest.fetch.FetchResult;
import org.newspipeline.ingest.fetch.HostSlots;
import org.newspipeline.ingest.fetch.PageFetcher;
import org.newspipeline.ingest.fetch.RobotsRules;
import org.newspipeline.ingest.source.InvalidSourceException;
import org.newspipeline.ingest.source.SourceRequest;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a homepage says of its outlet, as feed readers find it: feeds from
 * {@code <link rel="alternate" type="application/rss+xml|atom+xml">}, else the common feed paths;
 * sitemaps from robots.txt; the name from {@code og:site_name} or the title; the language from
 * {@code <html lang>}. Requests go one at a time with the host's pause, as every fetch does.
 */
@ApplicationScoped
public class FeedDiscovery {

    static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml");
    private static final int MAX_FEEDS = 10;
    private static final int MAX_SITEMAPS = 5;
    private static final Duration WAIT_FOR_HOST = Duration.ofSeconds(30);
    private static final Duration DISCOVERY_TIME = Duration.ofSeconds(30);

    private final PageFetcher fetcher;
    private final RobotsRules robots;
    private final HostSlots hosts;
    private final PageReader reader;
    private final Duration delay;

    public FeedDiscovery(PageFetcher fetcher, RobotsRules robots, HostSlots hosts, PageReader reader, IngestConfig config) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.hosts = hosts;
        this.reader = reader;
        this.delay = config.fetch().perHostDelay();
    }

    /**
     * The request with its feeds and sitemaps found, and its name and language where the request is
     * silent; the common feed paths are tried only within {@link #DISCOVERY_TIME}.
     */
    public SourceRequest complete(SourceRequest request) {
        if (request.homepage() == null) {
            throw new InvalidSourceException(400, "homepage: required, an http(s) URL");
        }
        URI home;
        try {
            home = new URI(WebUrls.normalize(request.homepage()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(400, "homepage: " + e.getMessage());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSourceException(400, "homepage: not a valid URL: " + e.getReason());
        }
        String host = WebUrls.host(home.toString()).orElseThrow();
        acquire(host);
        try {
            FetchResult result = fetcher.fetch(home);
            if (!(result instanceof FetchResult.Page page)) {
                String why = result instanceof FetchResult.Failure f ? f.reason() : "not modified";
                throw new InvalidSourceException(422, "homepage: " + home + " could not be read: " + why);
            }
            Charset charset = page.charset() == null ? StandardCharsets.UTF_8 : page.charset();
            Document doc;
            try {
                doc = reader.parse(new String(page.html(), charset), page.finalUrl().toString());
            } catch (UnreadablePageException e) {
                throw new InvalidSourceException(422, "homepage: " + home + " could not be read: " + e.getMessage());
            }
            Instant deadline = Instant.now().plus(DISCOVERY_TIME);
            List<String> feeds = feeds(doc, home, deadline);
            List<String> sitemaps = sitemaps(home);
            String name = request.name() != null ? request.name() : name(doc);
            String language = request.language() != null ? request.language()
                    : LanguageCodes.normalize(doc.select("html").attr("lang")).orElse(null);
            return new SourceRequest(request.id(), name, home.toString(), request.country(), language, request.kind(),
                    feeds, sitemaps, request.perHostDelay(), request.paused());
        } finally {
            hosts.release(host, home.toString(), delay);
        }
    }

    private List<String> feeds(Document doc, URI home, Instant deadline) {
        Set<String> found = new LinkedHashSet<>();
        for (Element link : doc.select("link[rel~=(?i)alternate][type~=(?i)application/(rss|atom)\\+xml][href]")) {
            String url = link.absUrl("href");
            if (WebUrls.isWebUrl(url) && found.size() < MAX_FEEDS) {
                found.add(url);
            }
        }
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        for (String path : COMMON_PATHS) {
            if (Instant.now().plus(delay).isAfter(deadline)) {
                break;
            }
            sleep(delay);
            URI candidate = home.resolve(path);
            if (fetcher.fetch(candidate, PageFetcher.Accept.XML, PageFetcher.Validators.NONE) instanceof FetchResult.Page page
                    && looksLikeFeed(page.html())) {
                return List.of(candidate.toString());
            }
        }
        return List.of();
    }

    private List<String> sitemaps(URI home) {
        List<String> all = robots.sitemaps(home);
        List<String> news = all.stream().filter(u -> u.toLowerCase(java.util.Locale.ROOT).contains("news")).toList();
        List<String> chosen = news.isEmpty() ? all : news;
        return new ArrayList<>(chosen.subList(0, Math.min(MAX_SITEMAPS, chosen.size())));
    }

    private static String name(Document doc) {
        Element site = doc.selectFirst("meta[property=og:site_name][content]");
        String name = site != null ? site.attr("content") : doc.title();
        name = name.strip();
        return name.isEmpty() || name.length() > 200 ? null : name;
    }

    static boolean looksLikeFeed(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    private void acquire(String host) {
        Instant deadline = Instant.now().plus(WAIT_FOR_HOST);
        while (!hosts.tryAcquire(host, Instant.now())) {
            if (Instant.now().isAfter(deadline)) {
                throw new InvalidSourceException(503, "homepage: its host is busy; try again shortly");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidSourceException(503, "interrupted");
        }
    }
}

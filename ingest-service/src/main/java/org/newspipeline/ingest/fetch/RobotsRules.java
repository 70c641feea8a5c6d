package org.newspipeline.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.ingest.config.IngestConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every host's robots.txt, read once and trusted for {@code robots-ttl}. A missing one (4xx) allows
 * everything; an unreachable one (5xx, no answer) allows nothing until it answers again, asked
 * again after five minutes, as RFC 9309 says.
 */
@ApplicationScoped
public class RobotsRules {

    private static final Duration RETRY_UNREACHABLE = Duration.ofMinutes(5);
    /** RFC 9309: at least five redirects are followed; more than that is no robots.txt. */
    private static final int MAX_REDIRECTS = 5;
    /** RFC 9309 asks crawlers to read at least 500 KiB; more than that is not a robots.txt. */
    private static final int MAX_BYTES = 512 * 1024;

    private record Entry(RobotsTxt rules, Instant expires, String unreachable) {
    }

    private final IngestConfig.Fetch config;
    private final HttpClient http;
    private final ConcurrentHashMap<String, Entry> byOrigin = new ConcurrentHashMap<>();

    public RobotsRules(IngestConfig config) {
        this.config = config.fetch();
        // Redirects are followed by hand, each target checked as a page's would be.
        this.http = PageFetcher.client(this.config, HttpClient.Redirect.NEVER);
    }

    /** @return why this URL must not be fetched now, or empty when it may */
    public Optional<FetchResult.Failure> refusal(URI url) {
        Entry entry = entry(url);
        if (entry.unreachable() != null) {
            return Optional.of(new FetchResult.Failure(0, "robots.txt unreachable: " + entry.unreachable(), true));
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        return entry.rules().allows(pathAndQuery) ? Optional.empty()
                : Optional.of(new FetchResult.Failure(0, "robots.txt disallows " + pathAndQuery + " for " + config.agent(), false));
    }

    /** The sitemaps the host's robots.txt names (read now if it was not yet). */
    public java.util.List<String> sitemaps(URI url) {
        return entry(url).rules().sitemaps();
    }

    /** The host's Crawl-delay, when its robots.txt (already read) asks for one. */
    public Optional<Duration> crawlDelay(String url) {
        try {
            Entry entry = byOrigin.get(origin(new URI(url)));
            return entry == null ? Optional.empty() : entry.rules().crawlDelay();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Entry entry(URI url) {
        String origin = origin(url);
        Entry cached = byOrigin.get(origin);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached;
        }
        Entry fresh = read(origin);
        byOrigin.put(origin, fresh);
        return fresh;
    }

    private Entry read(String origin) {
        Instant now = Instant.now();
        URI at = URI.create(origin + "/robots.txt");
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpRequest request = HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(15))
                        .header("User-Agent", PageFetcher.userAgent(config)).GET().build();
                HttpResponse<java.io.InputStream> response = PageFetcher.send(http, request, Duration.ofSeconds(15));
                int status = response.statusCode();
                try (var body = response.body()) {
                    if (status >= 200 && status < 300) {
                        byte[] bytes = BoundedBody.read(body, MAX_BYTES, config.timeout());
                        if (bytes == null) {
                            return new Entry(RobotsTxt.DISALLOW_ALL, now.plus(RETRY_UNREACHABLE),
                                    "body took longer than " + config.timeout().toSeconds() + " s");
                        }
                        return new Entry(RobotsTxt.parse(new String(bytes, StandardCharsets.UTF_8), config.agent()),
                                now.plus(config.robotsTtl()), null);
                    }
                }
                Optional<String> location = status >= 300 && status < 400 ? response.headers().firstValue("Location")
                        : Optional.empty();
                if (location.isPresent()) {
                    URI target = at.resolve(location.get().strip());
                    // A redirect to our own network or to no web address is a robots.txt we cannot read: none.
                    String scheme = String.valueOf(target.getScheme()).toLowerCase(java.util.Locale.ROOT);
                    if (target.getHost() == null || !List.of("http", "https").contains(scheme)
                            || PageFetcher.mayNotReach(config, target)) {
                        return new Entry(RobotsTxt.ALLOW_ALL, now.plus(config.robotsTtl()), null);
                    }
                    at = target;
                    continue;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    return new Entry(RobotsTxt.ALLOW_ALL, now.plus(config.robotsTtl()), null);
                }
                return new Entry(RobotsTxt.DISALLOW_ALL, now.plus(RETRY_UNREACHABLE), "HTTP " + status);
            }
            return new Entry(RobotsTxt.ALLOW_ALL, now.plus(config.robotsTtl()), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Entry(RobotsTxt.DISALLOW_ALL, now.plus(RETRY_UNREACHABLE), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Entry(RobotsTxt.DISALLOW_ALL, now, "interrupted");
        }
    }

    static String origin(URI url) {
        int port = url.getPort();
        return url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getHost().toLowerCase(java.util.Locale.ROOT)
                + (port < 0 ? "" : ":" + port);
    }
}

package org.newspipeline.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Politeness per host for everything this replica fetches (feeds, sitemaps, pages): one request
 * at a time, and a pause after each. Sources are divided among replicas by their homepage's host,
 * so another replica fetches from the same host only when sources of different homepage hosts
 * share it (a feed service such as feedburner, www. and the bare domain as two sources).
 */
@ApplicationScoped
public class HostSlots {

    /** A robots.txt Crawl-delay is obeyed up to this. */
    private static final Duration CRAWL_DELAY_CAP = Duration.ofMinutes(1);

    private final Set<String> busy = new HashSet<>();
    private final Map<String, Instant> freeAt = new HashMap<>();
    private final RobotsRules robots;

    public HostSlots(RobotsRules robots) {
        this.robots = robots;
    }

    /** @return true when the host was free and is now this caller's until {@link #release} */
    public synchronized boolean tryAcquire(String host, Instant now) {
        if (busy.contains(host) || freeAt.getOrDefault(host, Instant.EPOCH).isAfter(now)) {
            return false;
        }
        busy.add(host);
        return true;
    }

    /** Frees the host after {@code delay}, or the Crawl-delay its robots.txt asks for when that is longer. */
    public synchronized void release(String host, String url, Duration delay) {
        Duration asked = robots.crawlDelay(url).orElse(Duration.ZERO);
        if (asked.compareTo(delay) > 0) {
            delay = asked.compareTo(CRAWL_DELAY_CAP) > 0 ? CRAWL_DELAY_CAP : asked;
        }
        freeAt.put(host, Instant.now().plus(delay));
        busy.remove(host);
        if (freeAt.size() > 100_000) {
            Instant now = Instant.now();
            freeAt.values().removeIf(at -> at.isBefore(now));
        }
    }
}

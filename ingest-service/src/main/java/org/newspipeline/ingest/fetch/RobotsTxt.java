package org.newspipeline.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for our crawler, as crawler-commons reads them (RFC 9309): every
 * group naming our product token exactly, merged, else the {@code *} groups; the longest matching
 * path wins, Allow on a tie; {@code *} and {@code $}; percent-encoding compared as decoded; a
 * byte-order mark ignored. Crawl-delay is kept as a hint.
 */
public final class RobotsTxt {

    /** What a missing robots.txt (404) means: everything is allowed. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
    /** What an unreachable one (5xx, timeout) means until it answers: nothing is. */
    public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE));

    /** The rules are about paths: any host makes them a URL to ask about. */
    private static final String BASE = "http://robots.invalid";
    /** A Crawl-delay up to this is obeyed (capped where it is used); a longer one means: do not crawl at all. */
    private static final long MAX_CRAWL_DELAY_MS = Duration.ofDays(1).toMillis();
    private static final int MAX_WARNINGS = 5;

    private final BaseRobotRules rules;

    private RobotsTxt(BaseRobotRules rules) {
        this.rules = rules;
    }

    /** @param productToken our crawler's name ("news-pipeline"), matched as a whole, case-insensitively */
    public static RobotsTxt parse(String text, String productToken) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY_MS, MAX_WARNINGS);
        return new RobotsTxt(parser.parseContent(BASE + "/robots.txt", text.getBytes(StandardCharsets.UTF_8),
                "text/plain", List.of(productToken.toLowerCase(Locale.ROOT))));
    }

    /** @param pathAndQuery as it goes on the request line, e.g. {@code /news/a.html?x=1} */
    public boolean allows(String pathAndQuery) {
        return rules.isAllowed(BASE + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
    }

    /** The {@code Sitemap:} lines: absolute web URLs only. */
    public List<String> sitemaps() {
        return rules.getSitemaps().stream().filter(org.newspipeline.contract.WebUrls::isWebUrl).distinct().toList();
    }

    public Optional<Duration> crawlDelay() {
        long delay = rules.getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(delay));
    }
}

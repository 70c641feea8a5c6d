package org.newspipeline.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the group naming our product token, else
 * the {@code *} group; the longest matching Allow/Disallow path wins, Allow on a tie; {@code *} and
 * {@code $} in paths as Google and Bing read them. Crawl-delay is kept as a hint.
 */
public final class RobotsTxt {

    /** What a missing robots.txt (404) means: everything is allowed. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);
    /** What an unreachable one (5xx, timeout) means until it answers: nothing is. */
    public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule("/", false)), null);

    private record Rule(String path, boolean allow) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    /** @param productToken our crawler's name ("news-pipeline"), matched case-insensitively */
    public static RobotsTxt parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = null;
        List<Rule> anyone = null;
        Duration oursDelay = null;
        Duration anyoneDelay = null;
        List<String> agents = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Duration delay = null;
        boolean inRules = false;
        for (String raw : (text + "\nuser-agent: \u0000end").split("\r\n|\r|\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    // A group ends where the next one's user-agent lines begin.
                    for (String agent : agents) {
                        if (agent.equals("*") && anyone == null) {
                            anyone = rules;
                            anyoneDelay = delay;
                        } else if (!agent.isEmpty() && !agent.equals("*") && token.contains(agent) && ours == null) {
                            ours = rules;
                            oursDelay = delay;
                        }
                    }
                    agents = new ArrayList<>();
                    rules = new ArrayList<>();
                    delay = null;
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                // An empty Disallow allows everything; it adds no rule.
                if (!value.isEmpty()) {
                    rules.add(new Rule(value, key.equals("allow")));
                }
            } else if (key.equals("crawl-delay")) {
                inRules = true;
                delay = seconds(value).orElse(delay);
            }
        }
        return ours != null ? new RobotsTxt(List.copyOf(ours), oursDelay)
                : anyone != null ? new RobotsTxt(List.copyOf(anyone), anyoneDelay) : ALLOW_ALL;
    }

    /** @param pathAndQuery as it goes on the request line, e.g. {@code /news/a.html?x=1} */
    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.path(), pathAndQuery) && (best == null || rule.path().length() > best.path().length()
                    || rule.path().length() == best.path().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** The first Disallow that stops this path, for the reason recorded on the article. */
    public String ruleAgainst(String pathAndQuery) {
        return rules.stream().filter(r -> !r.allow() && matches(r.path(), pathAndQuery)).map(Rule::path)
                .findFirst().orElse("/");
    }

    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    /**
     * Wildcard matching without backtracking blow-up (a hostile "*a*a*a*b" costs length², not 2^n):
     * on a mismatch only the last {@code *} is stretched by one more character.
     */
    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < path.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (pi < p.length() && p.charAt(pi) == path.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s < 0 || s > 86_400 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (s * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package org.newspipeline.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** robots.txt as RFC 9309 reads it. */
class RobotsTxtTest {

    private static final String ROBOTS = """
            # comments and odd spacing are allowed
            User-agent: *
            Disallow: /private/
            Allow: /private/press/
            Disallow: /*.pdf$
            Crawl-delay: 3

            User-agent: OtherBot
            User-agent: news-pipeline
            Disallow: /search
            Allow: /search/help
            """;

    @Test
    void our_own_group_wins_over_the_star_group() {
        RobotsTxt rules = RobotsTxt.parse(ROBOTS, "news-pipeline");
        assertFalse(rules.allows("/search?q=x"));
        assertTrue(rules.allows("/search/help"), "the longer Allow wins");
        assertTrue(rules.allows("/private/x"), "the star group is not ours when a group names us");
        assertEquals(Optional.empty(), rules.crawlDelay());
    }

    @Test
    void the_star_group_applies_to_everyone_else_with_wildcards_and_anchors() {
        RobotsTxt rules = RobotsTxt.parse(ROBOTS, "some-crawler");
        assertFalse(rules.allows("/private/a.html"));
        assertTrue(rules.allows("/private/press/release.html"));
        assertFalse(rules.allows("/docs/report.pdf"));
        assertTrue(rules.allows("/docs/report.pdf?download=1"), "$ anchors the end");
        assertTrue(rules.allows("/"));
        assertEquals("/private/", rules.ruleAgainst("/private/a.html"));
        assertEquals(Optional.of(Duration.ofSeconds(3)), rules.crawlDelay());
    }

    @Test
    void empty_missing_and_garbage_files_allow_everything() {
        assertTrue(RobotsTxt.parse("", "news-pipeline").allows("/anything"));
        assertTrue(RobotsTxt.parse("User-agent: *\nDisallow:\n", "news-pipeline").allows("/anything"));
        assertTrue(RobotsTxt.parse("\u0000\uFFFF<html>not robots</html>", "news-pipeline").allows("/a"));
        assertFalse(RobotsTxt.DISALLOW_ALL.allows("/a"));
    }

    @Test
    void a_hostile_pattern_costs_polynomial_time() {
        RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b\n", "news-pipeline");
        assertTrue(rules.allows("/" + "a".repeat(5000)), "no match, found without exponential backtracking");
    }
}

package org.newspipeline.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** robots.txt as RFC 9309 reads it (crawler-commons underneath). */
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
            Sitemap: https://example.org/news-sitemap.xml
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
        assertEquals(Optional.of(Duration.ofSeconds(3)), rules.crawlDelay());
    }

    @Test
    void every_group_naming_us_counts_merged() {
        RobotsTxt rules = RobotsTxt.parse("""
                User-agent: news-pipeline
                Disallow: /a/

                User-agent: *
                Disallow: /

                User-agent: news-pipeline
                Disallow: /b/
                """, "news-pipeline");
        assertFalse(rules.allows("/a/1"));
        assertFalse(rules.allows("/b/1"), "the second group naming us is ours too");
        assertTrue(rules.allows("/c/1"));
    }

    @Test
    void an_agent_is_matched_as_a_whole_token() {
        RobotsTxt rules = RobotsTxt.parse("""
                User-agent: news
                Disallow: /

                User-agent: *
                Disallow: /private/
                """, "news-pipeline");
        assertTrue(rules.allows("/a"), "'news' names another crawler, not news-pipeline");
        assertFalse(rules.allows("/private/a"));
    }

    @Test
    void a_byte_order_mark_does_not_hide_the_first_group() {
        RobotsTxt rules = RobotsTxt.parse("\uFEFFUser-agent: *\nDisallow: /private/\n", "news-pipeline");
        assertFalse(rules.allows("/private/a"));
    }

    @Test
    void paths_are_compared_percent_decoded() {
        RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /caf%C3%A9/\nDisallow: /a%2fb\n", "news-pipeline");
        assertFalse(rules.allows("/café/menu"));
        assertFalse(rules.allows("/caf%C3%A9/menu"));
        assertFalse(rules.allows("/caf%c3%a9/menu"), "hex digits in either case");
    }

    @Test
    void empty_missing_and_garbage_files_allow_everything() {
        assertTrue(RobotsTxt.parse("", "news-pipeline").allows("/anything"));
        assertTrue(RobotsTxt.parse("User-agent: *\nDisallow:\n", "news-pipeline").allows("/anything"));
        assertTrue(RobotsTxt.parse("\u0000\uFFFF<html>not robots</html>", "news-pipeline").allows("/a"));
        assertFalse(RobotsTxt.DISALLOW_ALL.allows("/a"));
        assertTrue(RobotsTxt.ALLOW_ALL.allows("/a"));
    }

    @Test
    void a_hostile_pattern_costs_polynomial_time() {
        RobotsTxt rules = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b\n", "news-pipeline");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertTrue(rules.allows("/" + "a".repeat(5000)), "no match, found without exponential backtracking"));
    }
}

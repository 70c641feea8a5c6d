package org.newspipeline.query.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.PipelineTestResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the statements of a text search are planned: a common text's run without bitmap scans and
 * with cached-read costs, in a transaction that ends with the connection's setAutoCommit(true); any
 * other text's run as PostgreSQL plans them, outside any transaction. (The test profile makes every
 * text common, so the rest of the suite runs the first way.)
 */
@QuarkusTest
@QuarkusTestResource(PipelineTestResource.class)
class CommonTextTest {

    @Inject
    DataSource db;

    @Test
    void a_common_text_plans_without_bitmaps_until_the_transaction_ends_and_another_plans_as_usual() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertFalse(new MatchingArticles(c, request("peacekeeping")).isCommon(c, Double.POSITIVE_INFINITY));
            assertTrue(c.getAutoCommit());
            assertEquals("on", setting(c, "enable_bitmapscan"));

            assertTrue(new MatchingArticles(c, request("peacekeeping")).isCommon(c, 0));
            MatchingArticles.readNewestFirst(c);
            assertFalse(c.getAutoCommit());
            assertEquals("off", setting(c, "enable_bitmapscan"));
            assertEquals("1.1", setting(c, "random_page_cost"));

            c.setAutoCommit(true);
            assertEquals("on", setting(c, "enable_bitmapscan"));
            assertEquals("4", setting(c, "random_page_cost"));
        }
    }

    @Test
    void a_search_without_text_is_never_common() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertFalse(new MatchingArticles(c, request(null)).isCommon(c, 0));
        }
    }

    @Test
    void a_range_without_articles_is_read_newest_first_whatever_the_text() throws SQLException {
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        Instant to = Instant.parse("1900-01-02T00:00:00Z");
        try (Connection c = db.getConnection()) {
            // The planner estimates at least one row for anything, so an empty day is never longer than the text's matches.
            assertTrue(new MatchingArticles(c, request("peacekeeping")).fewerArticlesThanMatches(c, from, to));
            assertTrue(new MatchingArticles(c, request("zzyzx")).fewerArticlesThanMatches(c, from, to));
            assertFalse(new MatchingArticles(c, request(null)).fewerArticlesThanMatches(c, from, to));
        }
    }

    private static SearchRequest request(String q) {
        return SearchRequest.of(q, null, List.of(), null, null, null, null, null, null, 10, null);
    }

    private static String setting(Connection c, String name) throws SQLException {
        return Sql.of("SELECT current_setting(?) AS value", name).list(c, rs -> rs.getString("value")).get(0);
    }
}

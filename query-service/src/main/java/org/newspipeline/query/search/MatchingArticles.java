package org.newspipeline.query.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL that selects the articles matching a {@link SearchRequest}: a FROM and a WHERE clause
 * (article alias {@code a}, parsed text query column {@code query}) with every value bound.
 * <p>
 * The text is parsed once ({@code websearch_to_tsquery}) and bound as a tsquery: every statement of the
 * request then plans with the lexemes themselves, without parsing the text again (less planning per statement).
 */
final class MatchingArticles {

    /**
     * Mentions of entities given by id: the ids are looked up from the alias first (see
     * {@link EntityIds}), so that PostgreSQL plans with how often that entity really occurs.
     */
    private static final String MENTIONS = "EXISTS (SELECT 1 FROM article_entity ae"
            + " WHERE ae.article_id = a.id AND ae.entity_id = ANY(?))";

    private static final Pattern ESTIMATED_ROWS = Pattern.compile("rows=(\\d+)");

    final boolean hasText;
    /** The parsed text query, e.g. {@code 'oil' <-> 'price' & !'iran'}; null without text. */
    final String tsquery;
    /** {@code FROM ... WHERE ...}: append it to a statement, it is copied. */
    final Sql fromWhere;
    /** The planner's estimate of the articles the text matches, once asked; -1 before. */
    private long estimatedMatches = -1;

    MatchingArticles(Connection c, SearchRequest r) throws SQLException {
        hasText = r.q() != null;
        tsquery = hasText ? parse(c, r.q()) : null;
        Sql sql = hasText
                ? Sql.of(" FROM article a CROSS JOIN CAST(? AS tsquery) AS query WHERE a.search_vector @@ query", tsquery)
                : Sql.of(" FROM article a WHERE TRUE");
        if (r.source() != null) {
            sql.append(" AND lower(a.source_name) = lower(?)", r.source());
        }
        for (String entity : r.entities()) {
            sql.append(" AND " + MENTIONS, (Object) EntityIds.byAlias(c, entity, r.type()));
        }
        if (r.type() != null && r.entities().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
                    + " WHERE ae.article_id = a.id AND e.type = ?)", r.type());
        }
        if (r.place() != null) {
            sql.append(" AND (immutable_unaccent(lower(a.dateline_place)) = immutable_unaccent(lower(?)) OR " + MENTIONS + ")",
                    r.place(), EntityIds.byAlias(c, r.place(), "LOCATION"));
        }
        if (r.lang() != null) {
            sql.append(" AND a.language = ?", r.lang());
        }
        if (r.from() != null) {
            sql.append(" AND a.published_at >= ?", r.from());
        }
        if (r.to() != null) {
            sql.append(" AND a.published_at < ?", r.to());
        }
        fromWhere = sql.planEachTime();
    }

    /**
     * Whether the text is in at least {@code commonShare} of the articles ("oil", "said"), by the
     * planner's estimate. A common text's newest matches are a short walk back through the date index,
     * and counting it to the limit a short scan, so its page and count are planned by
     * {@link #readNewestFirst}.
     */
    boolean isCommon(Connection c, double commonShare) throws SQLException {
        return hasText && share(c) >= commonShare;
    }

    /**
     * Plans the statements that follow on {@code c} for a common text, in a transaction that the
     * connection's next {@code setAutoCommit(true)} ends. Without bitmap scans: a bitmap of a common
     * word's GIN postings costs about a microsecond per article that has it (76,000 for "oil" at a
     * million articles: 60 ms), which the planner does not see, so with a date or source filter it
     * picks that bitmap. With random reads costed as cached ones (1.1, the usual figure for data in
     * memory or on SSD): otherwise a date range over a quarter of the table is read whole (a
     * sequential scan, 130 ms at 100k articles, where the walk back from its end takes 6 ms).
     */
    static void readNewestFirst(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL enable_bitmapscan = off");
            st.execute("SET LOCAL random_page_cost = 1.1");
        }
    }

    /**
     * Whether reading every article published from {@code from} to {@code to} is shorter than a bitmap of
     * the text's postings, by the planner's estimates: a bitmap reads at least as many postings as there
     * are matches, in the whole table. The planner itself costs that bitmap as nearly free (see
     * {@link #readNewestFirst}) and so picks it for a day of a phrase: "oil prices" at a million articles
     * read 36,000 postings (53 ms) to find 52 matches among 2,600 articles a walk reads in 4 ms.
     */
    boolean fewerArticlesThanMatches(Connection c, Instant from, Instant to) throws SQLException {
        return hasText && estimatedRows(c, Sql.of("EXPLAIN SELECT 1 FROM article a WHERE a.published_at >= ?"
                + " AND a.published_at <= ?", from, to)) <= estimatedMatches(c);
    }

    /** The planner's estimate of the share of articles that match (0 before the table was first analyzed). */
    private double share(Connection c) throws SQLException {
        double articles = Sql.of("SELECT reltuples FROM pg_class WHERE oid = CAST('article' AS regclass)")
                .list(c, rs -> rs.getDouble("reltuples")).get(0);
        return articles > 0 ? estimatedMatches(c) / articles : 0;
    }

    private long estimatedMatches(Connection c) throws SQLException {
        if (estimatedMatches < 0) {
            estimatedMatches = estimatedRows(c, Sql.of("EXPLAIN SELECT 1 FROM article a WHERE a.search_vector @@ CAST(? AS tsquery)",
                    tsquery));
        }
        return estimatedMatches;
    }

    private static long estimatedRows(Connection c, Sql explain) throws SQLException {
        Matcher rows = ESTIMATED_ROWS.matcher(explain.planEachTime().list(c, rs -> rs.getString(1)).get(0));
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    private static String parse(Connection c, String q) throws SQLException {
        return Sql.of("SELECT CAST(websearch_to_tsquery('english', immutable_unaccent(?)) AS text) AS query", q)
                .list(c, rs -> rs.getString("query")).get(0);
    }
}

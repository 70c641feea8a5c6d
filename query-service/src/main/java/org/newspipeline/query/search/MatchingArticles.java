package org.newspipeline.query.search;

import java.sql.Connection;
import java.sql.SQLException;

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

    final boolean hasText;
    /** The parsed text query, e.g. {@code 'oil' <-> 'price' & !'iran'}; null without text. */
    final String tsquery;
    /** {@code FROM ... WHERE ...}: append it to a statement, it is copied. */
    final Sql fromWhere;

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

    private static String parse(Connection c, String q) throws SQLException {
        return Sql.of("SELECT CAST(websearch_to_tsquery('english', immutable_unaccent(?)) AS text) AS query", q)
                .list(c, rs -> rs.getString("query")).get(0);
    }
}

package org.newspipeline.query.search;

/**
 * The SQL that selects the articles matching a {@link SearchRequest}: a FROM and a WHERE clause
 * (article alias {@code a}, parsed text query alias {@code query}) with every value bound.
 */
final class MatchingArticles {

    /**
     * Mentions of entities given by id: the ids are looked up from the alias first (see
     * {@link EntityIds}), so that PostgreSQL plans with how often that entity really occurs.
     */
    private static final String MENTIONS = "EXISTS (SELECT 1 FROM article_entity ae"
            + " WHERE ae.article_id = a.id AND ae.entity_id = ANY(?))";

    final boolean hasText;
    /** {@code FROM ... WHERE ...}: append it to a statement, it is copied. */
    final Sql fromWhere;

    MatchingArticles(SearchRequest r, EntityIds entityIds) {
        hasText = r.q() != null;
        Sql sql = hasText
                ? Sql.of(" FROM article a CROSS JOIN websearch_to_tsquery('english', immutable_unaccent(?)) AS query"
                        + " WHERE a.search_vector @@ query", r.q())
                : Sql.of(" FROM article a WHERE TRUE");
        if (r.source() != null) {
            sql.append(" AND lower(a.source_name) = lower(?)", r.source());
        }
        for (String entity : r.entities()) {
            sql.append(" AND " + MENTIONS, (Object) entityIds.byAlias(entity, r.type()));
        }
        if (r.type() != null && r.entities().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
                    + " WHERE ae.article_id = a.id AND e.type = ?)", r.type());
        }
        if (r.place() != null) {
            sql.append(" AND (immutable_unaccent(lower(a.dateline_place)) = immutable_unaccent(lower(?)) OR " + MENTIONS + ")",
                    r.place(), entityIds.byAlias(r.place(), "LOCATION"));
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
        fromWhere = sql;
    }
}

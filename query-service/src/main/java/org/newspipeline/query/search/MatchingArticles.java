package org.newspipeline.query.search;

import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL that selects the articles matching a {@link SearchRequest}: a FROM and a WHERE clause
 * (article alias {@code a}, text query alias {@code query}) with every value bound, never spliced.
 */
final class MatchingArticles {

    /**
     * Mentions of entities given by id: the ids are looked up from the alias first (see
     * {@link EntityIds}), so that PostgreSQL plans with how often that entity really occurs.
     */
    private static final String MENTIONS = " AND EXISTS (SELECT 1 FROM article_entity ae"
            + " WHERE ae.article_id = a.id AND ae.entity_id = ANY(CAST(:%s AS bigint[])))";

    final String from;
    final String where;
    final boolean hasText;
    private final Map<String, Object> params = new LinkedHashMap<>();

    MatchingArticles(SearchRequest r, EntityIds entityIds) {
        hasText = r.q() != null;
        from = hasText ? " FROM article a CROSS JOIN websearch_to_tsquery('english', immutable_unaccent(:q)) AS query "
                : " FROM article a ";
        StringBuilder w = new StringBuilder(" WHERE TRUE");
        if (hasText) {
            w.append(" AND a.search_vector @@ query");
            params.put("q", r.q());
        }
        if (r.source() != null) {
            w.append(" AND lower(a.source_name) = lower(:source)");
            params.put("source", r.source());
        }
        for (int i = 0; i < r.entities().size(); i++) {
            w.append(MENTIONS.formatted("entity" + i));
            params.put("entity" + i, entityIds.byAlias(r.entities().get(i), r.type()));
        }
        if (r.type() != null && r.entities().isEmpty()) {
            w.append(" AND EXISTS (SELECT 1 FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
                    + " WHERE ae.article_id = a.id AND e.type = :type)");
            params.put("type", r.type());
        }
        if (r.place() != null) {
            w.append(" AND (immutable_unaccent(lower(a.dateline_place)) = immutable_unaccent(lower(:place))")
                    .append(MENTIONS.formatted("placeIds").replaceFirst("^ AND", " OR"))
                    .append(")");
            params.put("place", r.place());
            params.put("placeIds", entityIds.byAlias(r.place(), "LOCATION"));
        }
        if (r.lang() != null) {
            w.append(" AND a.language = :lang");
            params.put("lang", r.lang());
        }
        if (r.from() != null) {
            w.append(" AND a.published_at >= :from");
            params.put("from", Timestamp.from(r.from()));
        }
        if (r.to() != null) {
            w.append(" AND a.published_at < :to");
            params.put("to", Timestamp.from(r.to()));
        }
        where = w.toString();
    }

    /** Binds every value this WHERE clause uses. */
    <T extends Query> T bind(T query) {
        params.forEach(query::setParameter);
        return query;
    }
}

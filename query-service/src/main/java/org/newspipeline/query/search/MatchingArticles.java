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

    /** An alias matches accent- and case-blind, through the index on entity_alias. */
    private static final String MENTIONS = """
             AND a.id IN (SELECT ae.article_id FROM article_entity ae
                          JOIN entity_alias al ON al.entity_id = ae.entity_id
                          JOIN entity e ON e.id = ae.entity_id
                          WHERE immutable_unaccent(lower(al.alias)) = immutable_unaccent(lower(:%s))%s)
            """;

    final String from;
    final String where;
    final boolean hasText;
    private final Map<String, Object> params = new LinkedHashMap<>();

    MatchingArticles(SearchRequest r) {
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
        String typeFilter = r.type() == null ? "" : " AND e.type = :type";
        if (r.type() != null) {
            params.put("type", r.type());
        }
        for (int i = 0; i < r.entities().size(); i++) {
            w.append(MENTIONS.formatted("entity" + i, typeFilter));
            params.put("entity" + i, r.entities().get(i));
        }
        if (r.type() != null && r.entities().isEmpty()) {
            w.append(" AND a.id IN (SELECT ae.article_id FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
                    + " WHERE e.type = :type)");
        }
        if (r.place() != null) {
            w.append(" AND (immutable_unaccent(lower(a.dateline_place)) = immutable_unaccent(lower(:place))")
                    .append(MENTIONS.formatted("place", " AND e.type = 'LOCATION'").replaceFirst("^\\s*AND", " OR"))
                    .append(")");
            params.put("place", r.place());
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

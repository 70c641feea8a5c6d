package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked full-text search with filters, facets, highlights and keyset pagination. The query text
 * is parsed by PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, OR, -exclusion).
 */
@ApplicationScoped
public class ArticleSearch {

    /** ts_headline marks matches with these control characters, so the rest can be HTML-escaped first. */
    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';
    private static final int FACET_SIZE = 10;
    private static final int ENTITIES_PER_ITEM = 8;

    public record Hit(String id, String title, String source, Instant publishedAt, String url, String snippet,
                      List<String> entities) {
    }

    public record Count(String value, long count) {
    }

    public record Facets(List<Count> source, List<Count> entity, List<Count> language, List<Count> month) {
    }

    /** @param next the cursor of the next page; null on the last page */
    public record Page(long total, List<Hit> items, Facets facets, String next) {
    }

    private final EntityManager em;

    public ArticleSearch(EntityManager em) {
        this.em = em;
    }

    public Page search(SearchRequest r) {
        MatchingArticles m = new MatchingArticles(r);
        List<Hit> items = new ArrayList<>();
        Cursor last = null;
        for (Tuple row : page(r, m)) {
            items.add(new Hit(row.get("id", String.class), row.get("title", String.class),
                    row.get("source_name", String.class), instant(row.get("published_at")), row.get("url", String.class),
                    Snippets.toHtml(row.get("snippet", String.class), MARK_START, MARK_END), List.of()));
            last = new Cursor(r.sort(), r.sort() == SearchRequest.Sort.RELEVANCE ? ((Number) row.get("rank")).floatValue() : 0,
                    instant(row.get("published_at")), row.get("id", String.class));
        }
        items = withEntities(items);
        long total = ((Number) m.bind(em.createNativeQuery("SELECT count(*)" + m.from + m.where)).getSingleResult()).longValue();
        return new Page(total, items, facets(m), items.size() == r.limit() && last != null ? last.encode() : null);
    }

    /** The page's rows; ts_headline runs only on them, after the LIMIT. */
    @SuppressWarnings("unchecked")
    private List<Tuple> page(SearchRequest r, MatchingArticles m) {
        boolean relevance = r.sort() == SearchRequest.Sort.RELEVANCE;
        String rank = m.hasText ? "ts_rank_cd(a.search_vector, query)" : "CAST(0 AS real)";
        String after = "";
        if (r.cursor() != null) {
            after = relevance ? " AND (" + rank + " < :crank OR (" + rank + " = :crank AND a.id > :cid))"
                    : " AND (a.published_at, a.id) < (:ctime, :cid)";
        }
        String order = relevance ? " ORDER BY rank DESC, id" : " ORDER BY published_at DESC, id DESC";
        String snippet = m.hasText
                ? "ts_headline('english', p.body, websearch_to_tsquery('english', immutable_unaccent(:q)),"
                  + " 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=2, MaxWords=30, MinWords=12')"
                : "left(p.body, 240)";
        String sql = "WITH p AS (SELECT a.id, a.title, a.source_name, a.published_at, a.url, a.body, " + rank + " AS rank"
                + m.from + m.where + after + order + " LIMIT :limit)"
                + " SELECT p.id, p.title, p.source_name, p.published_at, p.url, p.rank, " + snippet + " AS snippet FROM p"
                + order;
        var query = m.bind(em.createNativeQuery(sql, Tuple.class)).setParameter("limit", r.limit());
        if (r.cursor() != null) {
            query.setParameter("cid", r.cursor().id());
            if (relevance) {
                query.setParameter("crank", r.cursor().rank());
            } else {
                query.setParameter("ctime", Timestamp.from(r.cursor().time()));
            }
        }
        return query.getResultList();
    }

    /** Source, language and month counts in one pass (GROUPING SETS), entity counts in a second. */
    @SuppressWarnings("unchecked")
    private Facets facets(MatchingArticles m) {
        List<Tuple> rows = m.bind(em.createNativeQuery("""
                SELECT a.source_name AS source, a.language AS language,
                       to_char(date_trunc('month', a.published_at), 'YYYY-MM') AS month, count(*) AS n
                """ + m.from + m.where + """
                 GROUP BY GROUPING SETS ((a.source_name), (a.language), (date_trunc('month', a.published_at)))
                """, Tuple.class)).getResultList();
        Map<String, List<Count>> byDimension = new LinkedHashMap<>();
        for (Tuple row : rows) {
            for (String dimension : List.of("source", "language", "month")) {
                String value = row.get(dimension, String.class);
                if (value != null) {
                    byDimension.computeIfAbsent(dimension, d -> new ArrayList<>())
                            .add(new Count(value, ((Number) row.get("n")).longValue()));
                }
            }
        }
        List<Tuple> entities = m.bind(em.createNativeQuery("SELECT e.name AS value, count(*) AS n" + m.from
                + " JOIN article_entity fe ON fe.article_id = a.id JOIN entity e ON e.id = fe.entity_id" + m.where
                + " GROUP BY e.name ORDER BY n DESC, e.name LIMIT " + FACET_SIZE, Tuple.class)).getResultList();
        return new Facets(top(byDimension.get("source")),
                entities.stream().map(t -> new Count(t.get("value", String.class), ((Number) t.get("n")).longValue())).toList(),
                top(byDimension.get("language")), top(byDimension.get("month")));
    }

    private static List<Count> top(List<Count> counts) {
        if (counts == null) {
            return List.of();
        }
        return counts.stream().sorted((x, y) -> Long.compare(y.count(), x.count())).limit(FACET_SIZE).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Hit> withEntities(List<Hit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        List<Tuple> rows = em.createNativeQuery("""
                SELECT ae.article_id AS article, e.name AS name FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id IN (:ids) ORDER BY ae.salience DESC, ae.mentions DESC, e.name
                """, Tuple.class).setParameter("ids", hits.stream().map(Hit::id).toList()).getResultList();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Tuple row : rows) {
            List<String> list = names.computeIfAbsent(row.get("article", String.class), k -> new ArrayList<>());
            if (list.size() < ENTITIES_PER_ITEM) {
                list.add(row.get("name", String.class));
            }
        }
        return hits.stream().map(h -> new Hit(h.id(), h.title(), h.source(), h.publishedAt(), h.url(), h.snippet(),
                names.getOrDefault(h.id(), List.of()))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}

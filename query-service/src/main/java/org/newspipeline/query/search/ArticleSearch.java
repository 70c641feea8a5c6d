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
 * Full-text search with filters, facets, highlights and keyset pagination. The query text is
 * parsed by PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, OR, -exclusion).
 * <p>
 * Ranking every match does not scale (a common word matches most of the archive), so relevance is
 * ranked within windows of the newest matches ({@code query.search.window}, 500): the first pages
 * rank the newest window, walking {@code next} goes on to older windows until every match was
 * returned. Facets are counted over the newest window, and the total is exact up to
 * {@code query.search.count-limit} (5,000).
 */
@ApplicationScoped
public class ArticleSearch {

    /** ts_headline marks matches with these control characters, so the rest can be HTML-escaped first. */
    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';
    private static final int FACET_SIZE = 10;
    private static final int ENTITIES_PER_ITEM = 8;
    private static final int SNIPPET_SOURCE_CHARS = 2000;

    public record Hit(String id, String title, String source, Instant publishedAt, String url, String snippet,
                      List<String> entities) {
    }

    public record Count(String value, long count) {
    }

    /** @param counted how many of the newest matches the counts are over (all of them when fewer than the window) */
    public record Facets(List<Count> source, List<Count> entity, List<Count> language, List<Count> month, int counted) {
    }

    /**
     * @param totalExact false when there are more matches than {@code total} says
     * @param next       the cursor of the next page; null after the last match
     */
    public record Page(long total, boolean totalExact, List<Hit> items, Facets facets, String next) {
    }

    private record Candidate(String id, Instant publishedAt, String source, String language) {
    }

    private record Row(String id, String title, String source, Instant publishedAt, String url, float rank, String snippet) {
    }

    private final EntityManager em;
    private final EntityIds entityIds;
    private final int windowSize;
    private final int countLimit;

    public ArticleSearch(EntityManager em, EntityIds entityIds, SearchConfig config) {
        this.em = em;
        this.entityIds = entityIds;
        this.windowSize = config.window();
        this.countLimit = config.countLimit();
    }

    public Page search(SearchRequest r) {
        MatchingArticles m = new MatchingArticles(r, entityIds);
        List<Candidate> newest = window(m, null, null);
        List<Row> rows = new ArrayList<>();
        String next;
        if (r.sort() == SearchRequest.Sort.DATE) {
            rows = byDate(r, m);
            Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            next = rows.size() == r.limit() ? Cursor.date(last.publishedAt(), last.id()).encode() : null;
        } else {
            next = byRelevance(r, m, newest, rows);
        }
        // A window that is not full holds every match: no need to count them again.
        long total = newest.size() < windowSize ? newest.size() : count(m);
        List<Hit> hits = withEntities(rows.stream().map(x -> new Hit(x.id(), x.title(), x.source(), x.publishedAt(),
                x.url(), Snippets.toHtml(x.snippet(), MARK_START, MARK_END), List.of())).toList());
        return new Page(Math.min(total, countLimit), total <= countLimit, hits, facets(newest), next);
    }

    /** Fills {@code rows} with the page and returns the next cursor. */
    private String byRelevance(SearchRequest r, MatchingArticles m, List<Candidate> newest, List<Row> rows) {
        Cursor at = r.cursor();
        List<Candidate> window = at == null || at.windowTime() == null ? newest : window(m, at.windowTime(), at.windowId());
        while (true) {
            rows.addAll(ranked(r, m, window, at == null || at.startsWindow() ? null : at));
            boolean moreWindows = window.size() == windowSize;
            Candidate oldest = window.isEmpty() ? null : window.get(window.size() - 1);
            if (rows.size() == r.limit()) {
                Row last = rows.get(rows.size() - 1);
                return Cursor.relevance(at == null ? null : at.windowTime(), at == null ? null : at.windowId(), last.rank(), last.id()).encode();
            }
            if (!moreWindows) {
                return null;
            }
            if (!rows.isEmpty()) {
                // A short page at a window's end; the next one starts the older window.
                return Cursor.nextWindow(oldest.publishedAt(), oldest.id()).encode();
            }
            at = Cursor.nextWindow(oldest.publishedAt(), oldest.id());
            window = window(m, at.windowTime(), at.windowId());
        }
    }

    /** The newest matches below (time, id), at most a window of them, newest first. */
    @SuppressWarnings("unchecked")
    private List<Candidate> window(MatchingArticles m, Instant beforeTime, String beforeId) {
        String below = beforeTime == null ? "" : " AND (a.published_at, a.id) < (:btime, :bid)";
        var query = m.bind(em.createNativeQuery("SELECT a.id, a.published_at, a.source_name, a.language" + m.from + m.where + below
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT " + windowSize, Tuple.class));
        if (beforeTime != null) {
            query.setParameter("btime", Timestamp.from(beforeTime)).setParameter("bid", beforeId);
        }
        return ((List<Tuple>) query.getResultList()).stream()
                .map(t -> new Candidate(t.get(0, String.class), instant(t.get(1)), t.get(2, String.class), t.get(3, String.class)))
                .toList();
    }

    /** One page of a window, best rank first; ts_headline runs only on the page's rows. */
    @SuppressWarnings("unchecked")
    private List<Row> ranked(SearchRequest r, MatchingArticles m, List<Candidate> window, Cursor after) {
        if (window.isEmpty()) {
            return List.of();
        }
        String position = after == null ? "" : " AND (r.rank < :crank OR (r.rank = :crank AND r.id > :cid))";
        // The text query is parsed once (a CTE), and bodies are read only for the page's rows.
        var query = em.createNativeQuery("WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', immutable_unaccent(:q)) AS query),"
                        + " r AS (SELECT a.id, ts_rank_cd(a.search_vector, q.query) AS rank FROM article a, q"
                        + " WHERE a.id = ANY(CAST(:ids AS text[]))),"
                        + " top AS (SELECT r.id, r.rank FROM r WHERE TRUE" + position + " ORDER BY r.rank DESC, r.id LIMIT :limit)"
                        + " SELECT p.id, p.title, p.source_name, p.published_at, p.url, top.rank, " + headline("p.body")
                        + " AS snippet FROM top JOIN article p ON p.id = top.id, q ORDER BY top.rank DESC, top.id", Tuple.class)
                .setParameter("ids", window.stream().map(Candidate::id).toArray(String[]::new))
                .setParameter("q", r.q())
                .setParameter("limit", r.limit());
        if (after != null) {
            query.setParameter("crank", after.rank()).setParameter("cid", after.id());
        }
        return ((List<Tuple>) query.getResultList()).stream().map(ArticleSearch::row).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Row> byDate(SearchRequest r, MatchingArticles m) {
        String after = r.cursor() == null ? "" : " AND (a.published_at, a.id) < (:ctime, :cid)";
        String snippet = m.hasText ? headline("p.body") : "left(p.body, 240)";
        var query = m.bind(em.createNativeQuery("WITH p AS (SELECT a.id, a.title, a.source_name, a.published_at, a.url, a.body"
                + (m.hasText ? ", query" : "") + m.from + m.where + after + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit)"
                + " SELECT p.id, p.title, p.source_name, p.published_at, p.url, CAST(0 AS real) AS rank, " + snippet
                + " AS snippet FROM p ORDER BY p.published_at DESC, p.id DESC", Tuple.class)).setParameter("limit", r.limit());
        if (r.cursor() != null) {
            query.setParameter("ctime", Timestamp.from(r.cursor().time())).setParameter("cid", r.cursor().id());
        }
        return ((List<Tuple>) query.getResultList()).stream().map(ArticleSearch::row).toList();
    }

    /**
     * ts_headline parses the whole text it is given: the head of a long article is enough for a
     * snippet. The parsed text query is in scope as {@code query}.
     */
    private static String headline(String body) {
        return "ts_headline('english', left(" + body + ", " + SNIPPET_SOURCE_CHARS + "), query,"
                + " 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=2, MaxWords=30, MinWords=12')";
    }

    /** Exact up to the count limit, then it stops counting. */
    private long count(MatchingArticles m) {
        return ((Number) m.bind(em.createNativeQuery("SELECT count(*) FROM (SELECT 1" + m.from + m.where
                + " LIMIT " + (countLimit + 1) + ") matches")).getSingleResult()).longValue();
    }

    /** Source, language and month are counted from the window's rows; entities need one query. */
    @SuppressWarnings("unchecked")
    private Facets facets(List<Candidate> window) {
        List<Tuple> entities = em.createNativeQuery("""
                SELECT e.name AS value, count(*) AS n FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id = ANY(CAST(:ids AS text[])) GROUP BY e.name ORDER BY n DESC, e.name LIMIT :size
                """, Tuple.class).setParameter("ids", window.stream().map(Candidate::id).toArray(String[]::new))
                .setParameter("size", FACET_SIZE).getResultList();
        return new Facets(counts(window, Candidate::source),
                entities.stream().map(t -> new Count(t.get("value", String.class), ((Number) t.get("n")).longValue())).toList(),
                counts(window, Candidate::language),
                counts(window, c -> c.publishedAt() == null ? null : c.publishedAt().toString().substring(0, 7)),
                window.size());
    }

    /** The most frequent values first (ties by value), nulls left out. */
    private static List<Count> counts(List<Candidate> window, java.util.function.Function<Candidate, String> key) {
        Map<String, Long> counts = window.stream().map(key).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(v -> v, java.util.stream.Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACET_SIZE).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Hit> withEntities(List<Hit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        List<Tuple> rows = em.createNativeQuery("""
                SELECT ae.article_id AS article, e.name AS name FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
                WHERE ae.article_id = ANY(CAST(:ids AS text[])) ORDER BY ae.salience DESC, ae.mentions DESC, e.name
                """, Tuple.class).setParameter("ids", hits.stream().map(Hit::id).toArray(String[]::new)).getResultList();
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

    private static Row row(Tuple t) {
        return new Row(t.get("id", String.class), t.get("title", String.class), t.get("source_name", String.class),
                instant(t.get("published_at")), t.get("url", String.class), ((Number) t.get("rank")).floatValue(),
                t.get("snippet", String.class));
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

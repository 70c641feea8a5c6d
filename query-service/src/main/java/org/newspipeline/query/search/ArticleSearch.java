package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Ranked full-text search over the materialized articles. The query text is parsed by PostgreSQL's
 * {@code websearch_to_tsquery} (quoted phrases, OR, -exclusion) and always bound, never spliced.
 */
@ApplicationScoped
public class ArticleSearch {

    /** ts_headline marks matches with these control characters, so the rest can be HTML-escaped first. */
    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';

    private static final String MATCHES = """
            FROM article a, websearch_to_tsquery('english', immutable_unaccent(:q)) AS query
            WHERE a.search_vector @@ query
            """;

    private static final String RANKED = """
            SELECT a.id, a.title, a.source_name, a.published_at, a.url,
                   ts_headline('english', a.body, query,
                               'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=2, MaxWords=30, MinWords=12') AS snippet
            """ + MATCHES + """
            ORDER BY ts_rank_cd(a.search_vector, query) DESC, a.published_at DESC NULLS LAST, a.id
            LIMIT :limit
            """;

    private static final String NEWEST = """
            SELECT a.id, a.title, a.source_name, a.published_at, a.url, left(a.body, 240) AS snippet
            FROM article a
            ORDER BY a.published_at DESC NULLS LAST, a.id
            LIMIT :limit
            """;

    private final EntityManager em;

    public ArticleSearch(EntityManager em) {
        this.em = em;
    }

    /** Best match first; with no query text, newest first. */
    public SearchPage search(String q, int limit) {
        boolean hasText = q != null && !q.isBlank();
        var query = em.createNativeQuery(hasText ? RANKED : NEWEST, Tuple.class).setParameter("limit", limit);
        var count = em.createNativeQuery("SELECT count(*) " + (hasText ? MATCHES : "FROM article a"));
        if (hasText) {
            query.setParameter("q", q);
            count.setParameter("q", q);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        List<SearchHit> hits = rows.stream().map(ArticleSearch::hit).toList();
        return new SearchPage(((Number) count.getSingleResult()).longValue(), hits);
    }

    private static SearchHit hit(Tuple row) {
        return new SearchHit(row.get("id", String.class), row.get("title", String.class),
                row.get("source_name", String.class), instant(row.get("published_at")), row.get("url", String.class),
                Snippets.toHtml(row.get("snippet", String.class), MARK_START, MARK_END));
    }

    private static Instant instant(Object value) {
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

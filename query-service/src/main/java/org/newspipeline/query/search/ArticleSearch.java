package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Full-text search with filters, facets, highlights and keyset pagination. The query text is
 * parsed by PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, OR, -exclusion).
 * <p>
 * Relevance is the documented blend of {@link Relevance}: rank halved per half-life of age. It sees
 * every match without ranking them all: the newest window of matches ({@code query.search.window},
 * 500) fills the page, and its last score says how far back a match could still beat it; one more
 * statement reads the matches back to there. (Ranking every match at once costs 1.2 s for "oil" at
 * 1M articles; doubling windows instead of one bounded read cost phrase searches 160 ms at 200k.)
 * Facets are counted over the newest window, and the total is exact up to
 * {@code query.search.count-limit} (1,000). For a common word, see {@link MatchingArticles#isCommon}.
 * <p>
 * Plain JDBC, so that the statements read as they run and the count and the entity facet can run
 * beside the page, each on its own connection.
 */
@ApplicationScoped
public class ArticleSearch {

    /** The connection pool of searches (see application.properties): writes have their own. */
    static final String POOL = "search";

    private static final int FACET_SIZE = 10;
    private static final int ENTITIES_PER_ITEM = 8;
    /** Snippets are cut from the head of an article: long enough for its lead paragraphs. */
    private static final int SNIPPET_SOURCE_CHARS = 2000;
    private static final int PLAIN_SNIPPET_CHARS = 240;
    /** A relevance walk reads windows of up to this many times query.search.window matches. */
    private static final int MAX_WINDOWS = 8;

    /** A match as facets and ranking need it, without its text; score: see {@link Relevance}. */
    private record Candidate(String id, Instant publishedAt, String source, String language, double score) {
    }

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id);

    private interface ConnectionTask<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource db;
    private final CursorSeal cursors;
    private final int windowSize;
    private final int countLimit;
    private final double commonShare;
    private final Relevance relevance;
    private final ManagedExecutor executor;

    public ArticleSearch(@io.quarkus.agroal.DataSource(POOL) DataSource db, SearchConfig config, CursorSeal cursors, ManagedExecutor executor) {
        this.db = db;
        this.executor = executor;
        this.cursors = cursors;
        this.windowSize = config.window();
        this.countLimit = config.countLimit();
        this.commonShare = config.commonShare();
        this.relevance = new Relevance(config.halfLife());
    }

    /** What the request's own connection found; the count and entity facet may still be running. */
    private record PageInProgress(List<Candidate> newest, List<Hit> hits, String next, CompletableFuture<Long> total,
                         CompletableFuture<List<EntityCount>> entities) {
    }

    public Page search(SearchRequest r) {
        // The connection goes back to the pool before waiting for the statements beside it: a request
        // never holds one while waiting for another, so a busy pool makes searches queue, not starve.
        PageInProgress f = withConnection(c -> {
            MatchingArticles m = new MatchingArticles(c, r);
            boolean common = m.isCommon(c, commonShare);
            if (common) {
                MatchingArticles.readNewestFirst(c);
            }
            List<Candidate> newest = window(c, m, null, null, null, windowSize);
            // A window that is not full holds every match: no need to count them.
            CompletableFuture<Long> total = newest.size() < windowSize
                    ? CompletableFuture.completedFuture((long) newest.size()) : onAnotherConnection(other -> count(other, m, common));
            CompletableFuture<List<EntityCount>> entities = onAnotherConnection(other -> entityCounts(other, newest));
            List<Candidate> page = new ArrayList<>();
            String next;
            Cursor at = cursors.open(r);
            if (r.sort() == SearchRequest.Sort.DATE) {
                // One more than the page, so that a cursor is only given when something follows.
                List<Candidate> read = at == null && r.limit() < newest.size() ? newest
                        : window(c, m, at == null ? null : at.time(), at == null ? null : at.id(), null, r.limit() + 1);
                page.addAll(read.subList(0, Math.min(r.limit(), read.size())));
                Candidate last = page.isEmpty() ? null : page.get(page.size() - 1);
                next = read.size() > r.limit() ? Cursor.date(last.publishedAt(), last.id()).encode() : null;
            } else {
                next = byRelevance(c, r, at, m, common, newest, page);
            }
            return new PageInProgress(newest, hits(c, m, page), next == null ? null : cursors.seal(next, r), total, entities);
        });
        long matches = join(f.total());
        List<Candidate> newest = f.newest();
        return new Page(Math.min(matches, countLimit), matches <= countLimit, f.hits(),
                new Facets(counts(newest, Candidate::source), join(f.entities()), counts(newest, Candidate::language),
                        counts(newest, x -> x.publishedAt() == null ? null : x.publishedAt().toString().substring(0, 7)),
                        newest.size()),
                f.next());
    }

    /**
     * Fills {@code page} with the best matches after the cursor and returns the next cursor. Matches
     * are read newest first. Once the page is full, its last score bounds how old a match can be and
     * still reach it ({@link Relevance#oldestReaching}), so the next statement reads every match back
     * to that date and no further: one statement, whatever the page's scores. Until then, and where
     * that range holds more than {@code MAX_WINDOWS} windows, windows of growing size are read.
     */
    private String byRelevance(Connection c, SearchRequest r, Cursor at, MatchingArticles m, boolean common,
                               List<Candidate> newest, List<Candidate> page) throws SQLException {
        List<Candidate> unseen = after(at, newest);
        List<Candidate> best = best(unseen, List.of(), r.limit());
        long after = unseen.size();
        boolean older = newest.size() == windowSize;
        // Set when the last statement read every match back to this date: any older ones were left unread.
        Instant unreadBefore = null;
        Candidate oldest = newest.isEmpty() ? null : newest.get(newest.size() - 1);
        int size = windowSize;
        while (older && (best.size() < r.limit() || !oldest.publishedAt().isBefore(reachable(best)))) {
            Instant notBefore = best.size() < r.limit() ? null : reachable(best);
            size = notBefore == null ? Math.min(2 * size, MAX_WINDOWS * windowSize) : MAX_WINDOWS * windowSize;
            // Only this statement: the ones after it (anyBefore, the page's rows) need the text's bitmap.
            boolean walk = !common && notBefore != null && m.fewerArticlesThanMatches(c, notBefore, oldest.publishedAt());
            if (walk) {
                MatchingArticles.readNewestFirst(c);
            }
            List<Candidate> window = window(c, m, oldest.publishedAt(), oldest.id(), notBefore, size);
            if (walk) {
                c.setAutoCommit(true);
            }
            unseen = after(at, window);
            best = best(unseen, best, r.limit());
            after += unseen.size();
            older = window.size() == size;
            unreadBefore = older ? null : notBefore;
            oldest = window.isEmpty() ? oldest : window.get(window.size() - 1);
        }
        page.addAll(best);
        // More follow if the read ones go on past the page, or older ones were left unread and exist.
        Candidate last = best.isEmpty() ? null : best.get(best.size() - 1);
        boolean more = best.size() == r.limit()
                && (after > best.size() || older || unreadBefore != null && anyBefore(c, m, unreadBefore));
        return more ? Cursor.relevance(last.score(), last.id()).encode() : null;
    }

    /** Whether any match was published before {@code time}. */
    private static boolean anyBefore(Connection c, MatchingArticles m, Instant time) throws SQLException {
        return Sql.of("SELECT EXISTS (SELECT 1").append(m.fromWhere).append(" AND a.published_at < ?) AS any", time)
                .list(c, rs -> rs.getBoolean("any")).get(0);
    }

    /** No match published before this can reach a (full) page whose last item is the last of {@code best}. */
    private Instant reachable(List<Candidate> best) {
        return relevance.oldestReaching(best.get(best.size() - 1).score());
    }

    /** The candidates that come after the cursor's item (all of them without a cursor). */
    private static List<Candidate> after(Cursor at, List<Candidate> candidates) {
        return at == null ? candidates : candidates.stream().filter(x -> comesAfter(x, at)).toList();
    }

    /** The best {@code limit} of the new candidates and those already chosen. */
    private static List<Candidate> best(List<Candidate> candidates, List<Candidate> chosen, int limit) {
        return Stream.concat(chosen.stream(), candidates.stream()).sorted(BEST_FIRST).limit(limit).toList();
    }

    /** Whether a match comes after the cursor's item, best first. */
    private static boolean comesAfter(Candidate x, Cursor at) {
        return BEST_FIRST.compare(x, new Candidate(at.id(), null, null, null, at.score())) > 0;
    }

    /**
     * The newest matches below (time, id) and not before {@code notBefore} (if given), newest first,
     * with their score. Read backwards, the (published_at, id) index yields them in order, so a common
     * word stops after {@code size} rows; the score is computed for those rows only.
     */
    private List<Candidate> window(Connection c, MatchingArticles m, Instant beforeTime, String beforeId, Instant notBefore,
                                   int size) throws SQLException {
        Sql newest = Sql.of("SELECT a.id, a.published_at, a.source_name, a.language" + (m.hasText ? ", a.search_vector, query" : ""))
                .append(m.fromWhere);
        if (beforeTime != null) {
            newest.append(" AND (a.published_at, a.id) < (?, ?)", beforeTime, beforeId);
        }
        if (notBefore != null) {
            newest.append(" AND a.published_at >= ?", notBefore);
        }
        newest.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT ?", size);
        Sql scored = Sql.of("SELECT w.id, w.published_at, w.source_name, w.language, ").append(relevance.score(m.hasText))
                .append(" AS score FROM (").append(newest).append(") w ORDER BY w.published_at DESC, w.id DESC");
        return scored.list(c, rs -> new Candidate(rs.getString("id"), instant(rs), rs.getString("source_name"),
                rs.getString("language"), rs.getDouble("score")));
    }

    /** Title, snippet and top entities of the page's articles, in page order. */
    private static List<Hit> hits(Connection c, MatchingArticles m, List<Candidate> page) throws SQLException {
        if (page.isEmpty()) {
            return List.of();
        }
        Sql sql = Sql.of("SELECT a.id, a.title, a.source_name, a.published_at, a.url, a.language, a.dateline_place,"
                + " a.document->'publication'->>'precision' AS precision, a.document->'publication'->>'source' AS date_source,"
                + " CAST(a.document->'publication'->>'confidence' AS float8) AS confidence, left(a.body, "
                + (m.hasText ? SNIPPET_SOURCE_CHARS : PLAIN_SNIPPET_CHARS) + ") AS body,"
                + " ARRAY(SELECT e.name FROM article_entity ae JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id = a.id"
                + " ORDER BY ae.salience DESC, ae.mentions DESC, e.name LIMIT " + ENTITIES_PER_ITEM + ") AS entities"
                + " FROM article a");
        sql.append(" WHERE a.id = ANY(?)", (Object) page.stream().map(Candidate::id).toArray(String[]::new));
        Highlighter highlighter = m.hasText ? new Highlighter(m.tsquery) : null;
        Map<String, Hit> byId = sql.list(c, rs -> {
            String body = rs.getString("body");
            return new Hit(rs.getString("id"), rs.getString("title"), rs.getString("source_name"), instant(rs),
                    rs.getString("url"), highlighter == null ? Snippets.escape(body) : highlighter.snippetHtml(body),
                    strings(rs.getArray("entities")), rs.getString("language"), rs.getString("dateline_place"),
                    rs.getString("precision"), rs.getString("date_source"), (Double) rs.getObject("confidence"));
        }).stream().collect(Collectors.toMap(Hit::id, h -> h));
        return page.stream().map(x -> byId.get(x.id())).filter(Objects::nonNull).toList();
    }

    /**
     * Exact up to the count limit, then it stops counting. A common text counts newest first: those are
     * the rows the page has just read, in memory, where a sequential scan starts from the oldest pages
     * ("oil" at a million articles: 13 ms against 26).
     */
    private long count(Connection c, MatchingArticles m, boolean common) throws SQLException {
        Sql matches = Sql.of("SELECT count(*) AS n FROM (SELECT 1").append(m.fromWhere);
        if (common) {
            MatchingArticles.readNewestFirst(c);
            matches.append(" ORDER BY a.published_at DESC, a.id DESC");
        }
        return matches.append(" LIMIT ?) matches", countLimit + 1).list(c, rs -> rs.getLong("n")).get(0);
    }

    private static List<EntityCount> entityCounts(Connection c, List<Candidate> window) throws SQLException {
        return Sql.of("SELECT e.name AS value, e.type, count(*) AS n FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
                        + " WHERE ae.article_id = ANY(?) GROUP BY e.name, e.type ORDER BY n DESC, e.name LIMIT ?",
                        window.stream().map(Candidate::id).toArray(String[]::new), FACET_SIZE)
                .list(c, rs -> new EntityCount(rs.getString("value"), rs.getString("type"), rs.getLong("n")));
    }

    /** Which of these (newly stored) articles match the request, for the live stream of a search. */
    public List<NewMatch> matchingAmong(SearchRequest r, List<String> ids) {
        return withConnection(c -> Sql.of("SELECT a.id, a.title").append(new MatchingArticles(c, r).fromWhere)
                .append(" AND a.id = ANY(?) ORDER BY a.id", (Object) ids.toArray(String[]::new))
                .list(c, rs -> new NewMatch(rs.getString("id"), rs.getString("title"))));
    }

    /** Source, language and month facets come from the window's rows: the most frequent values first, nulls left out. */
    private static List<Count> counts(List<Candidate> window, Function<Candidate, String> key) {
        Map<String, Long> counts = window.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACET_SIZE).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** Runs beside the request's own statements, on another pooled connection. */
    private <T> CompletableFuture<T> onAnotherConnection(ConnectionTask<T> work) {
        return executor.supplyAsync(() -> withConnection(work));
    }

    private <T> T withConnection(ConnectionTask<T> work) {
        try (Connection c = db.getConnection()) {
            try {
                return work.run(c);
            } finally {
                c.setAutoCommit(true); // ends the transaction of MatchingArticles.readNewestFirst, if any
            }
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        OffsetDateTime t = rs.getObject("published_at", OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

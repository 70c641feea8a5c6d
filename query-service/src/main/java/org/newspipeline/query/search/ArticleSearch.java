package org.newspipeline.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.index.ArticleIndex;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * Full-text search with filters, facets, highlights and cursors, answered by the search index
 * (OpenSearch) in one request: the page, the exact total and the facets over every match.
 * <ul>
 * <li>{@code relevance}: BM25 over title (×3), entity names (×2) and body, ties by id;</li>
 * <li>{@code recent}: the same score halved for every {@code query.search.half-life} of age,
 * counted from the time of the first page (kept in the cursor, so that pages agree);</li>
 * <li>{@code date}: newest first, ties by id.</li>
 * </ul>
 * The matches that are new to a live stream are picked among the ids the indexer announces
 * ({@link #matchingAmong}).
 */
@ApplicationScoped
public class ArticleSearch {

    /** The connection pool of searches (see application.properties): writes have their own. */
    static final String POOL = "search";

    private static final int FACET_SIZE = 10;
    private static final int SNIPPET_FRAGMENT_CHARS = 120;
    /** Highlighting reads at most this much of a body: the passages of a long one come from its start. */
    private static final int HIGHLIGHT_CHARS = 100_000;
    private static final List<String> HIT_FIELDS = List.of("id", "title", "source", "published_at", "url", "language",
            "dateline_place", "date_precision", "date_source", "date_confidence", "top_entities", "lead", "story_id");
    /** With results collapsed by story, each hit lists this many of the story's other matching articles. */
    private static final int OTHERS = 5;
    private static final String STORIES = "stories";

    private final DataSource db;
    private final ArticleIndex index;
    private final CursorSeal cursors;
    private final Duration halfLife;

    public ArticleSearch(@io.quarkus.agroal.DataSource(POOL) DataSource db, ArticleIndex index, SearchConfig config,
                         CursorSeal cursors) {
        this.db = db;
        this.index = index;
        this.cursors = cursors;
        this.halfLife = config.halfLife();
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("query.search.half-life must be positive: " + halfLife);
        }
    }

    public Page search(SearchRequest r) {
        return search(r, true);
    }

    /**
     * @param storyDetails with results collapsed by story: whether each hit says how many more of its
     *                     story match, from how many outlets (a second request to the engine), and the
     *                     stories are counted, in all and in every facet (distinct counts, which cost
     *                     more than the rest of a broad search); without, each hit has its story's id
     *                     only, the facets count articles and the page's story count is null
     */
    public Page search(SearchRequest r, boolean storyDetails) {
        Cursor at = cursors.open(r);
        ObjectNode body = IndexQuery.JSON.objectNode();
        // One more than the page, so that a cursor is only given when something follows.
        body.put("size", r.limit() + 1).put("track_total_hits", true);
        Instant origin = r.sort() != SearchRequest.Sort.RECENT ? null
                : at != null ? at.time() : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode matching = query(r);
        body.set("query", r.sort() == SearchRequest.Sort.RECENT ? recent(matching, origin) : matching);
        ArrayNode sort = body.putArray("sort");
        if (r.sort() == SearchRequest.Sort.DATE) {
            sort.addObject().put("published_at", "desc");
            sort.addObject().put("id", "desc");
        } else {
            sort.addObject().put("_score", "desc");
            sort.addObject().put("id", "asc");
        }
        int offset = at == null ? 0 : at.offset();
        if (r.byStory()) {
            if (offset + r.limit() + 1 > SearchRequest.MAX_COLLAPSED_DEPTH) {
                throw new BadParameterException("cursor: results collapsed by story go " + SearchRequest.MAX_COLLAPSED_DEPTH
                        + " stories deep; narrow the search (from, to, source) to see further");
            }
            body.put("from", offset);
            body.putObject("collapse").put("field", "story_id");
        } else if (at != null) {
            ArrayNode after = body.putArray("search_after");
            if (r.sort() == SearchRequest.Sort.DATE) {
                after.add(at.time().toEpochMilli());
            } else {
                after.add(at.score());
            }
            after.add(at.id());
        }
        ArrayNode source = body.putObject("_source").putArray("includes");
        HIT_FIELDS.forEach(source::add);
        if (r.q() != null) {
            body.set("highlight", highlight());
        }
        boolean countStories = r.byStory() && storyDetails;
        body.set("aggs", facets(countStories));

        JsonNode answer = index.search(body);
        JsonNode found = answer.path("hits");
        List<JsonNode> hits = StreamSupport.stream(found.path("hits").spliterator(), false).toList();
        List<Hit> page = hits.stream().limit(r.limit()).map(ArticleSearch::hit).toList();
        List<Hit> items = !r.byStory() ? page : storyDetails ? withStories(matching, page, hits) : IntStream.range(0, page.size())
                .mapToObj(i -> page.get(i).withStory(new StoryHit(storyOf(hits.get(i)), 0, 0, List.of()))).toList();
        String next = null;
        if (hits.size() > r.limit() && r.byStory()) {
            next = cursors.seal(Cursor.offset(r.sort(), offset + r.limit(), origin).encode(), r);
        } else if (hits.size() > r.limit()) {
            JsonNode last = hits.get(r.limit() - 1).path("sort");
            Cursor cursor = r.sort() == SearchRequest.Sort.DATE
                    ? Cursor.date(Instant.ofEpochMilli(last.get(0).asLong()), last.get(1).asText())
                    : Cursor.relevance(r.sort(), last.get(0).asDouble(), origin, last.get(1).asText());
            next = cursors.seal(cursor.encode(), r);
        }
        long total = found.path("total").path("value").asLong();
        boolean exact = "eq".equals(found.path("total").path("relation").asText());
        JsonNode aggs = answer.path("aggregations");
        List<Count> months = buckets(aggs.path("month")).stream()
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
                .limit(FACET_SIZE).toList();
        Facets facets = new Facets(buckets(aggs.path("source")), entities(aggs.path("entity")), buckets(aggs.path("language")),
                months, (int) Math.min(Integer.MAX_VALUE, total));
        return new Page(total, exact, countStories ? aggs.path("stories").path("value").asLong() : null, items, facets, next);
    }

    /**
     * Each hit with its story: how many more of the story match, from how many outlets, and the
     * newest few of them, for the page's stories alone in one aggregation (cheaper than the
     * engine's inner hits, one search per story).
     */
    /** @param matching the search's query (entity names already looked up) */
    private List<Hit> withStories(ObjectNode matching, List<Hit> items, List<JsonNode> hits) {
        if (items.isEmpty()) {
            return items;
        }
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", 0);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").add(matching);
        ArrayNode ids = bool.putArray("filter").addObject().putObject("terms").putArray("story_id");
        hits.stream().limit(items.size()).forEach(h -> ids.add(storyOf(h)));
        ObjectNode story = body.putObject("aggs").putObject("story");
        story.putObject("terms").put("field", "story_id").put("size", items.size());
        ObjectNode aggs = story.putObject("aggs");
        aggs.putObject("outlets").putObject("cardinality").put("field", "source");
        ObjectNode newest = aggs.putObject("others").putObject("top_hits").put("size", OTHERS + 1);
        newest.putArray("sort").addObject().put("published_at", "desc");
        newest.putObject("_source").putArray("includes").add("id").add("title").add("source").add("published_at");
        Map<String, JsonNode> stories = new HashMap<>();
        for (JsonNode b : index.search(body).path("aggregations").path("story").path("buckets")) {
            stories.put(b.path("key").asText(), b);
        }
        List<Hit> withStories = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Hit hit = items.get(i);
            String id = storyOf(hits.get(i));
            JsonNode b = stories.getOrDefault(id, IndexQuery.JSON.objectNode());
            List<StoryHit.Other> others = StreamSupport.stream(b.path("others").path("hits").path("hits").spliterator(), false)
                    .map(o -> o.path("_source")).filter(o -> !hit.id().equals(text(o, "id"))).limit(OTHERS)
                    .map(o -> new StoryHit.Other(text(o, "id"), text(o, "title"), text(o, "source"), text(o, "published_at")))
                    .toList();
            withStories.add(hit.withStory(new StoryHit(id, Math.max(0, b.path("doc_count").asLong(1) - 1),
                    b.path("outlets").path("value").asLong(1), others)));
        }
        return withStories;
    }

    private static String storyOf(JsonNode hit) {
        return hit.path("_source").path("story_id").asText(hit.path("_id").asText());
    }

    /** Which of these (newly indexed) articles match the request, for the live stream of a search. */
    public List<NewMatch> matchingAmong(SearchRequest r, List<String> ids) {
        return among(r, ids, List.of("id", "title", "story_id")).stream().map(s -> {
            String id = text(s, "id");
            String story = s.path("story_id").asText(id);
            return new NewMatch(id, text(s, "title"), story, story.equals(id));
        }).toList();
    }

    /** As {@link #matchingAmong}, each match as a row (for deliveries), in id order. */
    public List<ArticleRow> rowsAmong(SearchRequest r, List<String> ids) {
        return among(r, ids, ArticleRow.FIELDS).stream().map(ArticleRow::of).toList();
    }

    /** The matches received since a time, the newest first: a saved search's digest. */
    public List<ArticleRow> receivedSince(SearchRequest r, Instant since, int limit) {
        ObjectNode query = query(r);
        ((ObjectNode) query.path("bool")).withArray("filter").addObject().putObject("range").putObject("received_at")
                .put("gte", since.toString());
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", limit);
        body.set("query", query);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().put("received_at", "desc");
        sort.addObject().put("id", "desc");
        ArrayNode includes = body.putObject("_source").putArray("includes");
        ArticleRow.FIELDS.forEach(includes::add);
        return StreamSupport.stream(index.search(body).path("hits").path("hits").spliterator(), false)
                .map(h -> ArticleRow.of(h.path("_source"))).toList();
    }

    private List<JsonNode> among(SearchRequest r, List<String> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ObjectNode query = query(r);
        ArrayNode among = ((ObjectNode) query.path("bool")).withArray("filter").addObject().putObject("ids").putArray("values");
        ids.forEach(among::add);
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", ids.size());
        body.set("query", query);
        body.putArray("sort").addObject().put("id", "asc");
        ArrayNode includes = body.putObject("_source").putArray("includes");
        fields.forEach(includes::add);
        return StreamSupport.stream(index.search(body).path("hits").path("hits").spliterator(), false)
                .map(h -> h.path("_source")).toList();
    }

    /** The request's query for the index, its entity names looked up in PostgreSQL when it has any. */
    public ObjectNode query(SearchRequest r) {
        if (r.entities().isEmpty() && r.place() == null) {
            return IndexQuery.of(null, r); // nothing to look up: no connection taken
        }
        return withConnection(c -> IndexQuery.of(c, r));
    }

    /** Text relevance times {@code 0.5^(age / half-life)}, age counted from {@code origin}. */
    private ObjectNode recent(ObjectNode query, Instant origin) {
        ObjectNode score = IndexQuery.JSON.objectNode();
        ObjectNode f = score.putObject("function_score");
        f.set("query", query);
        f.putArray("functions").addObject().putObject("exp").putObject("published_at")
                .put("origin", origin.toString()).put("scale", halfLife.toSeconds() + "s").put("decay", 0.5);
        f.put("boost_mode", "multiply");
        return score;
    }

    private static ObjectNode highlight() {
        ObjectNode h = IndexQuery.JSON.objectNode();
        h.putArray("pre_tags").add("<mark>");
        h.putArray("post_tags").add("</mark>");
        h.put("encoder", "html").put("require_field_match", false).put("max_analyzer_offset", HIGHLIGHT_CHARS);
        h.putObject("fields").putObject("body").put("fragment_size", SNIPPET_FRAGMENT_CHARS).put("number_of_fragments", 2);
        return h;
    }

    /** @param stories whether to count stories, in all and in every bucket (then that is the bucket's count) */
    private static ObjectNode facets(boolean stories) {
        ObjectNode aggs = IndexQuery.JSON.objectNode();
        List<ObjectNode> facets = List.of(aggs.putObject("source"), aggs.putObject("entity"), aggs.putObject("language"),
                aggs.putObject("month"));
        facets.get(0).putObject("terms").put("field", "source").put("size", FACET_SIZE);
        facets.get(1).putObject("terms").put("field", "entity_keys").put("size", FACET_SIZE);
        facets.get(2).putObject("terms").put("field", "language").put("size", FACET_SIZE);
        facets.get(3).putObject("date_histogram").put("field", "published_at").put("calendar_interval", "month")
                .put("format", "yyyy-MM").put("min_doc_count", 1);
        if (stories) {
            facets.forEach(f -> f.putObject("aggs").set(STORIES, storyCount()));
            aggs.set(STORIES, storyCount());
        }
        return aggs;
    }

    /** Distinct stories: exact up to the engine's default threshold (3,000), within a few percent above. */
    private static ObjectNode storyCount() {
        ObjectNode count = IndexQuery.JSON.objectNode();
        count.putObject("cardinality").put("field", "story_id");
        return count;
    }

    private static Hit hit(JsonNode h) {
        JsonNode s = h.path("_source");
        JsonNode passages = h.path("highlight").path("body");
        String snippet = passages.isArray() && !passages.isEmpty()
                ? StreamSupport.stream(passages.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(" … "))
                : Snippets.escape(text(s, "lead"));
        List<String> entities = StreamSupport.stream(s.path("top_entities").spliterator(), false).map(JsonNode::asText).toList();
        String published = text(s, "published_at");
        return new Hit(text(s, "id"), text(s, "title"), text(s, "source"), published == null ? null : Instant.parse(published),
                text(s, "url"), snippet, entities, text(s, "language"), text(s, "dateline_place"), text(s, "date_precision"),
                text(s, "date_source"), s.hasNonNull("date_confidence") ? s.get("date_confidence").asDouble() : null, null);
    }

    /** Terms or date buckets as facet entries, the most frequent first. */
    static List<Count> buckets(JsonNode agg) {
        List<Count> counts = new ArrayList<>();
        for (JsonNode b : agg.path("buckets")) {
            counts.add(new Count(b.has("key_as_string") ? b.get("key_as_string").asText() : b.get("key").asText(),
                    b.has(STORIES) ? b.get(STORIES).path("value").asLong() : b.get("doc_count").asLong()));
        }
        return counts;
    }

    private static List<EntityCount> entities(JsonNode agg) {
        return buckets(agg).stream().map(c -> {
            int bar = c.value().indexOf('|');
            return new EntityCount(c.value().substring(bar + 1), c.value().substring(0, bar), c.count());
        }).toList();
    }

    private static String text(JsonNode source, String field) {
        return ArticleRow.text(source, field);
    }

    private interface ConnectionTask<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionTask<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }
}

package org.newspipeline.query.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.index.ArticleIndex;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stories with articles matching a search, the largest or the latest first: one aggregation
 * of the search index over every match.
 */
@ApplicationScoped
public class StoryList {

    /** A story as a list shows it; {@code articles} and {@code outlets} count its matching articles. */
    public record Summary(String id, String label, long articles, long outlets, String first, String last) {
    }

    public enum Order { SIZE, RECENT }

    private final ArticleIndex index;
    private final ArticleSearch search;

    public StoryList(ArticleIndex index, ArticleSearch search) {
        this.index = index;
        this.search = search;
    }

    public static Order order(String value) {
        try {
            return value == null || value.isBlank() ? Order.SIZE : Order.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort must be size or recent, not " + value);
        }
    }

    public List<Summary> list(SearchRequest r, Order order) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", 0);
        body.set("query", search.query(r));
        ObjectNode stories = body.putObject("aggs").putObject("stories");
        ObjectNode terms = stories.putObject("terms").put("field", "story_id").put("size", r.limit());
        if (order == Order.RECENT) {
            terms.putObject("order").put("last", "desc");
        }
        ObjectNode aggs = stories.putObject("aggs");
        aggs.putObject("outlets").putObject("cardinality").put("field", "source");
        aggs.putObject("first").putObject("min").put("field", "published_at");
        aggs.putObject("last").putObject("max").put("field", "published_at");
        ObjectNode earliest = aggs.putObject("label").putObject("top_hits").put("size", 1);
        earliest.putArray("sort").addObject().put("published_at", "asc");
        earliest.putObject("_source").putArray("includes").add("title");
        List<Summary> list = new ArrayList<>();
        for (JsonNode b : index.search(body).path("aggregations").path("stories").path("buckets")) {
            JsonNode title = b.path("label").path("hits").path("hits").path(0).path("_source").path("title");
            list.add(new Summary(b.path("key").asText(), title.isTextual() ? title.asText() : null, b.path("doc_count").asLong(),
                    b.path("outlets").path("value").asLong(), b.path("first").path("value_as_string").asText(null),
                    b.path("last").path("value_as_string").asText(null)));
        }
        return list;
    }
}

package org.newspipeline.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.index.ArticleIndex;

import java.util.ArrayList;
import java.util.List;

/** Article counts over time for the same filters as the search: a date histogram of the index. */
@ApplicationScoped
public class Timeline {

    private final ArticleIndex index;
    private final ArticleSearch search;

    public Timeline(ArticleIndex index, ArticleSearch search) {
        this.index = index;
        this.search = search;
    }

    /** Whether a {@code normalize} parameter asks for shares ({@code share}) or counts (absent, {@code count}). */
    public static boolean asShares(String normalize) {
        if (normalize == null || normalize.isBlank() || normalize.strip().equalsIgnoreCase("count")) {
            return false;
        }
        if (normalize.strip().equalsIgnoreCase("share")) {
            return true;
        }
        throw new BadParameterException("normalize must be count or share, not " + normalize);
    }

    /** @param interval day, week (from Monday) or month (validated by the caller) */
    public List<Count> counts(SearchRequest r, String interval) {
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", 0);
        body.set("query", search.query(r));
        body.putObject("aggs").putObject("buckets").putObject("date_histogram").put("field", "published_at")
                .put("calendar_interval", interval).put("format", "yyyy-MM-dd").put("min_doc_count", 1);
        return ArticleSearch.buckets(index.search(body).path("aggregations").path("buckets"));
    }

    /**
     * Each bucket's matches as a share of all stored articles in it, counted in one pass: a
     * histogram of every article, each bucket with the matches among them.
     */
    public List<Share> shares(SearchRequest r, String interval) {
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", 0);
        if (r.from() != null || r.to() != null) {
            // The dates bound both counts: every article of the period, and the matches among them.
            ObjectNode range = body.putObject("query").putObject("range").putObject("published_at");
            if (r.from() != null) {
                range.put("gte", r.from().toString());
            }
            if (r.to() != null) {
                range.put("lt", r.to().toString());
            }
        }
        ObjectNode buckets = body.putObject("aggs").putObject("buckets");
        buckets.putObject("date_histogram").put("field", "published_at")
                .put("calendar_interval", interval).put("format", "yyyy-MM-dd").put("min_doc_count", 1);
        buckets.putObject("aggs").putObject("matching").set("filter", search.query(r));
        List<Share> shares = new ArrayList<>();
        for (JsonNode b : index.search(body).path("aggregations").path("buckets").path("buckets")) {
            long all = b.path("doc_count").asLong();
            long count = b.path("matching").path("doc_count").asLong();
            shares.add(new Share(b.path("key_as_string").asText(), count, all, all == 0 ? 0 : (double) count / all));
        }
        return shares;
    }
}

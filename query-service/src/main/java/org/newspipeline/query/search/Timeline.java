package org.newspipeline.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.query.index.ArticleIndex;

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

    /** @param interval day, week (from Monday) or month (validated by the caller) */
    public List<Count> counts(SearchRequest r, String interval) {
        ObjectNode body = IndexQuery.JSON.objectNode();
        body.put("size", 0);
        body.set("query", search.query(r));
        body.putObject("aggs").putObject("buckets").putObject("date_histogram").put("field", "published_at")
                .put("calendar_interval", interval).put("format", "yyyy-MM-dd").put("min_doc_count", 1);
        return ArticleSearch.buckets(index.search(body).path("aggregations").path("buckets"));
    }
}

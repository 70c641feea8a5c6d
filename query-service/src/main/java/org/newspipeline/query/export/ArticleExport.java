package org.newspipeline.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newspipeline.query.index.ArticleIndex;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.SearchRequest;

import java.io.IOException;
import java.time.Duration;

/**
 * Every match of a search, in id order, from one point in time of the index (articles stored
 * meanwhile do not shift the pages), read a page at a time: memory does not grow with the export.
 */
@ApplicationScoped
public class ArticleExport {

    /** How long the snapshot lives between two pages (a slow client reads one page per this). */
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(2);

    /** Where rows go; the export stops when it throws (the client went away). */
    public interface Rows {
        void write(ArticleRow row) throws IOException;

        /** After each page: time to flush. */
        void pageDone() throws IOException;
    }

    private final ArticleIndex index;
    private final ArticleSearch search;
    private final int page;

    public ArticleExport(ArticleIndex index, ArticleSearch search, @ConfigProperty(name = "query.export.page") int page) {
        this.index = index;
        this.search = search;
        this.page = page;
    }

    /** A search's matches frozen at one point in time, to be written once. */
    public record Snapshot(ObjectNode query, String pit) {
    }

    /** Opened before the answer starts, so that the index or the database away is a 503, not a cut stream. */
    public Snapshot open(SearchRequest r) {
        ObjectNode query = search.query(r);
        return new Snapshot(query, index.openPointInTime(KEEP_ALIVE));
    }

    /** Writes every match and closes the snapshot. @return how many rows were written */
    public long write(Snapshot snapshot, Rows out) throws IOException {
        ObjectNode query = snapshot.query();
        String pit = snapshot.pit();
        long written = 0;
        try {
            JsonNode after = null;
            while (true) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("size", page).put("track_total_hits", false);
                body.set("query", query);
                body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE.toSeconds() + "s");
                body.putArray("sort").addObject().put("id", "asc");
                if (after != null) {
                    body.set("search_after", after);
                }
                ArrayNode includes = body.putObject("_source").putArray("includes");
                ArticleRow.FIELDS.forEach(includes::add);
                JsonNode hits = index.searchAt(body).path("hits").path("hits");
                for (JsonNode hit : hits) {
                    out.write(ArticleRow.of(hit.path("_source")));
                    written++;
                }
                out.pageDone();
                if (hits.size() < page) {
                    return written;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            index.closePointInTime(pit);
        }
    }
}

package org.newspipeline.query.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.NewMatch;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

/**
 * New articles matching a search, as they are stored: the live notice of the search page, and for
 * programs that follow a query.
 */
@Path("/articles/stream")
public class ArticleStreamResource {

    private final ArticleSearch search;
    private final StoredArticles stored;

    public ArticleStreamResource(ArticleSearch search, StoredArticles stored) {
        this.search = search;
        this.stored = stored;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one event {id, title, story, newStory} per newly stored article that matches q and the filters "
            + "(the same parameters as GET /articles, without sort, limit and cursor)")
    public Multi<NewMatch> stream(@QueryParam("q") String q, @QueryParam("source") String source,
                                  @QueryParam("entity") List<String> entity, @QueryParam("type") String type,
                                  @QueryParam("place") String place, @QueryParam("lang") String lang,
                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        // Parsed before the stream opens, so a bad parameter is a 400 problem, not a broken stream.
        SearchRequest request = SearchRequest.of(q, source, entity, type, place, lang, from, to, null, 1, null);
        return stored.batches()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(ids -> search.matchingAmong(request, ids));
    }
}

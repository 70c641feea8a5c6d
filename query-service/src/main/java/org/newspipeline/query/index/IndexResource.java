package org.newspipeline.query.index;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.edge.Problem;

/** The search index: what it holds, and its rebuild from {@code articles.enriched}. */
@Path("/index")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

    /** @param rebuild the last rebuild since this replica started, or null */
    public record State(String alias, String index, long documents, IndexRebuild.Status rebuild) {
    }

    private final ArticleIndex index;
    private final IndexRebuild rebuild;

    public IndexResource(ArticleIndex index, IndexRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GET
    @Operation(summary = "The index searches use, how many articles it holds, and the last rebuild on this replica")
    public State state() {
        index.ensure();
        String current = index.current();
        return new State(index.alias(), current, index.count(current), rebuild.status());
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the search index from articles.enriched; searches go on meanwhile (GET /index follows it)")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "409", description = "A rebuild is running")
    public Response start() {
        IndexRebuild.Status started = rebuild.start();
        return started == null ? Problem.response(409, "a rebuild is running: GET /index follows it")
                : Response.accepted(started).build();
    }
}

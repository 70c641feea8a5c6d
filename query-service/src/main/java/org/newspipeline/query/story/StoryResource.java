package org.newspipeline.query.story;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    private final StoryList list;
    private final StoryDetails details;

    public StoryResource(StoryList list, StoryDetails details) {
        this.list = list;
        this.details = details;
    }

    @GET
    @Operation(summary = "Stories with articles matching a search (every filter of /articles), the largest or the latest first")
    @APIResponse(responseCode = "200", description = "[{id, label, articles, outlets, first, last}]: counts of matching articles")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    public List<StoryList.Summary> stories(
            @Parameter(description = "web-search syntax") @QueryParam("q") String q,
            @QueryParam("source") String source,
            @Parameter(description = "canonical name or alias; repeat to require several") @QueryParam("entity") List<String> entity,
            @QueryParam("type") String type,
            @QueryParam("lang") String lang,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "size (default) or recent") @QueryParam("sort") String sort,
            @Parameter(description = "1 to 100") @QueryParam("limit") @DefaultValue("20") String limit) {
        StoryList.Order order = StoryList.order(sort);
        return list.list(SearchRequest.of(q, source, entity, type, null, lang, from, to, null, SearchRequest.limit(limit), null),
                order);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story: its articles with outlets, the first report, copy groups, timeline and main entities")
    @APIResponse(responseCode = "404", description = "No story with that id")
    public Response story(@PathParam("id") String id) {
        return details.byId(id).map(s -> Response.ok(s).build())
                .orElseGet(() -> Problem.response(404, "no story with id " + id));
    }
}

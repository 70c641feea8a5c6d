package org.newspipeline.query.entity;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {


    private final EntityDirectory directory;

    public EntityResource(EntityDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "Autocomplete: entities a name or alias of which starts with prefix, with article counts")
    public List<EntityDirectory.Suggestion> complete(@QueryParam("prefix") String prefix, @QueryParam("type") String type,
                                                     @QueryParam("limit") @DefaultValue("10") String limit) {
        return directory.complete(prefix, SearchRequest.entityType(type), SearchRequest.limit(limit));
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "An entity by canonical name or alias: its aliases, article count and top co-occurring entities")
    public Response byName(@PathParam("name") String name) {
        return directory.byName(name).map(d -> Response.ok(d).build())
                .orElseGet(() -> Problem.response(404, "no entity named " + name));
    }
}

package org.newspipeline.edge;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A resource behind the edge, so that its tests see what a service's own resources see. */
@Path("/echo")
public class Echo {

    @GET
    public String read(@QueryParam("q") String q, @QueryParam("entity") List<String> entities,
                       @QueryParam("limit") String limit) {
        return "q=" + q + " entities=" + entities + " limit=" + QueryParams.count("limit", limit, 10, 100);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public String write(String body) {
        return "took " + body.length();
    }

    @POST
    @Path("{name}")
    @Consumes(MediaType.TEXT_PLAIN)
    public String writeNamed(@PathParam("name") String name, String body) {
        return "took " + name;
    }
}

package org.newspipeline.enrich.reenrich;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.contract.ArticleDates;
import org.newspipeline.edge.Problem;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Re-enrichment of stored articles on request (after a catalog correction, a new enricher), never silently. */
@Path("/reenrichments")
@Produces(MediaType.APPLICATION_JSON)
public class ReenrichmentResource {

    private final Reenrichments reenrichments;

    public ReenrichmentResource(Reenrichments reenrichments) {
        this.reenrichments = reenrichments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay stored raw articles through today's enricher: {from?, to?, source?, entity?, reason, all?}")
    public Response start(Reenrichment.Request request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            return Problem.response(400, "'reason' says why the articles are enriched again");
        }
        if (request.entity() != null && request.entity().isBlank()) {
            return Problem.response(400, "'entity' is blank: name the entity, or leave it out");
        }
        if (request.unbounded() && !request.all()) {
            return Problem.response(400, "'all' must be true to enrich every stored article again; "
                    + "otherwise say which with from, to, source or entity");
        }
        Instant from;
        Instant to;
        try {
            from = ArticleDates.parsePlausible("from", request.from(), Clock.systemUTC());
            to = ArticleDates.parsePlausible("to", request.to(), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return Problem.response(400, e.getMessage());
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return Problem.response(400, "'from' must come before 'to': nothing lies between " + request.from() + " and " + request.to());
        }
        Reenrichment job = reenrichments.start(request, from, to);
        return Response.accepted(job.progress()).location(URI.create("/reenrichments/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress: scanned, matched, done, failed, rate, ETA")
    public Response progress(@PathParam("id") String id) {
        return reenrichments.find(id).map(j -> Response.ok(j.progress()).build())
                .orElseGet(() -> Problem.response(404, "no re-enrichment " + id));
    }

    @GET
    @Operation(summary = "Every re-enrichment since the start of this replica")
    public List<Reenrichment.Progress> all() {
        return reenrichments.all().stream().map(Reenrichment::progress).toList();
    }
}

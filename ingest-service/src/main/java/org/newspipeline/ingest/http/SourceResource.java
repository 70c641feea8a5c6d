package org.newspipeline.ingest.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.Source;
import org.newspipeline.contract.SourceHealth;
import org.newspipeline.edge.QueryParams;
import org.newspipeline.ingest.feed.FeedDiscovery;
import org.newspipeline.ingest.source.InvalidSourceException;
import org.newspipeline.ingest.source.Opml;
import org.newspipeline.ingest.source.SourceDirectory;
import org.newspipeline.ingest.source.SourceRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The source directory over HTTP. Reads are open like every read; writes need the API key (the edge
 * filter). Every method is blocking: writes wait for Kafka, discovery reads the homepage.
 */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceDirectory directory;
    private final FeedDiscovery discovery;

    public SourceResource(SourceDirectory directory, FeedDiscovery discovery) {
        this.directory = directory;
        this.discovery = discovery;
    }

    @GET
    @Operation(summary = "Sources by id, filtered by text (q: id, name or homepage), country, language, kind, health or "
            + "paused; at most limit (1,000; up to 10,000) from the first id after 'after'")
    public List<SourceHealth> list(@QueryParam("q") String q, @QueryParam("country") String country,
                                   @QueryParam("language") String language, @QueryParam("kind") String kind,
                                   @QueryParam("health") String health, @QueryParam("paused") String paused,
                                   @QueryParam("after") String after, @QueryParam("limit") String limit) {
        var filter = new SourceDirectory.Filter(blankToNull(q), blankToNull(country), blankToNull(language),
                kind == null || kind.isBlank() ? null : SourceDirectory.kind(kind), health(health), flag(paused));
        int most = QueryParams.count("limit", limit, 1_000, 10_000);
        return directory.list(filter).stream().filter(s -> after == null || s.source().id().compareTo(after) > 0)
                .limit(most).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One source with each feed's state: last success, last new item, failures, interval, health")
    public SourceHealth get(@PathParam("id") String id) {
        return directory.view(directory.get(id).orElseThrow(() -> new InvalidSourceException(404, "no source '" + id + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a source; with only a homepage, its feeds, sitemaps, name and language are discovered")
    public Response create(SourceRequest request) {
        if (request == null) {
            throw new InvalidSourceException(400, "body: a JSON object with at least a homepage");
        }
        SourceRequest complete = request.feeds() == null && request.sitemaps() == null ? discovery.complete(request) : request;
        Source created = directory.create(complete);
        return Response.created(URI.create("/sources/" + created.id())).entity(directory.view(created)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a source's fields (those given; feeds and sitemaps are replaced as lists)")
    public SourceHealth update(@PathParam("id") String id, SourceRequest request) {
        if (request == null) {
            throw new InvalidSourceException(400, "body: a JSON object with the fields to change");
        }
        return directory.view(directory.update(id, request));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Stops polling a source; it stays in the directory")
    public SourceHealth pause(@PathParam("id") String id) {
        return directory.view(directory.pause(id, true));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Polls a paused source again")
    public SourceHealth resume(@PathParam("id") String id) {
        return directory.view(directory.pause(id, false));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Removes a source from the directory; what it published stays")
    public Response delete(@PathParam("id") String id) {
        directory.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/opml")
    @Produces(Opml.MEDIA_TYPE)
    @Operation(summary = "Every source's feeds as OPML 2.0, for feed readers")
    public String exportOpml() {
        return Opml.write(directory.list(SourceDirectory.Filter.ALL).stream().map(SourceHealth::source).toList());
    }

    @POST
    @Path("/opml")
    @Consumes({Opml.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Imports an OPML document: a source per site, feeds added to a source with the same homepage")
    public SourceDirectory.ImportResult importOpml(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidSourceException(400, "body: an OPML document");
        }
        return directory.importAll(Opml.read(body));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidSourceException(400, "paused: true or false");
        }
        return Boolean.valueOf(value);
    }

    private static FeedStatus.Health health(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FeedStatus.Health.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(400, "health: one of " + java.util.Arrays.toString(FeedStatus.Health.values()).toLowerCase(Locale.ROOT));
        }
    }
}

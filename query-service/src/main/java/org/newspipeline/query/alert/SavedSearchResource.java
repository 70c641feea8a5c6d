package org.newspipeline.query.alert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newspipeline.edge.access.ApiKeyMechanism;
import org.newspipeline.edge.access.ApiKeys;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.live.ArticleStreamResource;
import org.newspipeline.query.live.EventLog;
import org.newspipeline.query.live.LiveMatches;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.ArticleSearch;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchRequest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved searches: each belongs to the API key that made it (only that key lists, reads, deletes or
 * resumes it; without configured keys, to this machine's callers). Its stream and digest are read
 * by its id, which is unguessable, so that a feed reader can subscribe without a key.
 */
@Path("/searches")
@Produces(MediaType.APPLICATION_JSON)
public class SavedSearchResource {

    static final int MAX_NAME_CHARS = 200;
    private static final Duration DEFAULT_DIGEST_WINDOW = Duration.ofDays(1);

    private final SavedSearches searches;
    private final EventLog log;
    private final LiveMatches live;
    private final ArticleSearch search;
    private final WebhookTargets targets;
    private final ApiKeys keys;
    private final ObjectMapper json;

    public SavedSearchResource(SavedSearches searches, EventLog log, LiveMatches live, ArticleSearch search,
                               WebhookTargets targets, ApiKeys keys, ObjectMapper json) {
        this.json = json;
        this.searches = searches;
        this.log = log;
        this.live = live;
        this.search = search;
        this.targets = targets;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search, optionally with a webhook that gets each newly stored match (signed; the secret is in this answer only)")
    @APIResponse(responseCode = "201", description = "The saved search, with its webhook secret")
    @APIResponse(responseCode = "400", description = "A missing name, a search GET /articles would refuse, a webhook URL that is refused")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = SavedSearchForm.class))) byte[] body,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        Optional<String> owner = owner(authorization);
        if (owner.isEmpty()) {
            return keyRequired();
        }
        // Unknown fields are refused: {"search": {"query": "x"}} must not save a search for everything.
        SavedSearchForm form = body.length == 0 ? null
                : json.readerFor(SavedSearchForm.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        if (form == null) {
            throw new BadParameterException("a JSON body {name, search, webhook} is required");
        }
        if (form.name() == null || form.name().isBlank() || form.name().length() > MAX_NAME_CHARS) {
            throw new BadParameterException("name: 1 to " + MAX_NAME_CHARS + " characters are required");
        }
        SearchParams params = form.search() == null ? new SearchParams(null, null, null, null, null, null, null, null, null) : form.search();
        params.request();
        String url = form.webhook() == null ? null : form.webhook().url();
        if (form.webhook() != null) {
            if (url == null || url.isBlank()) {
                throw new BadParameterException("webhook.url is required with a webhook");
            }
            targets.refusal(url.strip()).ifPresent(why -> {
                throw new BadParameterException("webhook.url " + why);
            });
            url = url.strip();
        }
        SavedSearches.Row row = searches.create(owner.get(), form.name().strip(), params, url, log.latest());
        return Response.created(URI.create("/searches/" + row.id())).entity(view(row).withSecret(row.secret())).build();
    }

    @GET
    @Operation(summary = "The caller's saved searches, with how their webhooks are doing")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> owner = owner(authorization);
        if (owner.isEmpty()) {
            return keyRequired();
        }
        long latest = log.latest(); // one read of the log for every search's backlog
        return Response.ok(searches.list(owner.get()).stream().map(row -> view(row, latest)).toList()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A saved search with its delivery: delivered, last delivery, failures, last error, paused reason, backlog")
    @APIResponse(responseCode = "404", description = "No saved search of the caller's with that id")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).map(row -> Response.ok(view(row)).build()).orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).filter(row -> searches.delete(row.id(), row.owner()))
                .map(row -> Response.noContent().build()).orElseGet(() -> notFound(id));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Restart a paused webhook delivery where it stopped")
    public Response resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return owned(id, authorization).filter(row -> searches.resume(row.id(), row.owner()))
                .flatMap(row -> searches.find(row.id())).map(row -> Response.ok(view(row)).build()).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("/{id}/stream")
    @Blocking // the search is read from PostgreSQL before the stream opens
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events of the saved search, as GET /articles/stream (Last-Event-ID resumes)")
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id,
                                          @HeaderParam(ArticleStreamResource.LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        SavedSearches.Row row = byId(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no saved search with id " + Problem.printable(id)));
        Long lastSeen = ArticleStreamResource.lastSeen(lastEventId);
        return ArticleStreamResource.events(live.of(row.search().request(), lastSeen), sse);
    }

    @GET
    @Path("/{id}/digest")
    @Produces({MediaType.APPLICATION_JSON, AtomFeed.MEDIA_TYPE})
    @Operation(summary = "What matched since a time, the newest first: JSON, or an Atom feed with format=atom (or Accept: application/atom+xml)")
    public Response digest(@PathParam("id") String id,
                           @Parameter(description = "received on or after: a day or a date-time with offset; default a day ago")
                           @QueryParam("since") String since,
                           @Parameter(description = "1 to 100") @QueryParam("limit") @DefaultValue("50") String limit,
                           @Parameter(description = "json or atom") @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        SavedSearches.Row row = byId(id).orElse(null);
        if (row == null) {
            return notFound(id);
        }
        boolean atom = format != null ? switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "atom" -> true;
            case "json" -> false;
            default -> throw new BadParameterException("format must be json or atom, not " + format);
        } : accept != null && accept.contains(AtomFeed.MEDIA_TYPE);
        Instant from = since == null || since.isBlank() ? Instant.now().minus(DEFAULT_DIGEST_WINDOW) : SearchRequest.instant("since", since, false);
        SearchRequest request = row.search().request();
        List<ArticleRow> items = search.receivedSince(request, from, SearchRequest.limit(limit));
        if (atom) {
            return Response.ok(AtomFeed.of(row, uri.getRequestUri().toString(), items), AtomFeed.MEDIA_TYPE + ";charset=utf-8").build();
        }
        return Response.ok(Map.of("search", Map.of("id", row.id(), "name", row.name()), "since", from.toString(), "items", items),
                MediaType.APPLICATION_JSON).build();
    }

    private SavedSearch view(SavedSearches.Row row) {
        return view(row, log.latest());
    }

    private static SavedSearch view(SavedSearches.Row row, long latest) {
        return row.view(Math.max(0, latest - row.deliveredSeq()));
    }

    private Optional<SavedSearches.Row> owned(String id, String authorization) {
        Optional<String> owner = owner(authorization);
        return owner.flatMap(o -> byId(id).filter(row -> row.owner().equals(o)));
    }

    private Optional<SavedSearches.Row> byId(String id) {
        try {
            return searches.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The name of the caller's key ({@link ApiKeys#name}; HTTP security has checked the key for
     * writes); '' while no key is configured; empty when a key is configured and the caller gave none.
     */
    private Optional<String> owner(String authorization) {
        return ApiKeyMechanism.bearerKey(authorization).map(ApiKeys::name)
                .or(() -> keys.writesNeedKey() ? Optional.empty() : Optional.of(""));
    }

    private static Response keyRequired() {
        return Problem.builder(401, "saved searches belong to an API key: Authorization: Bearer <key>")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response notFound(String id) {
        return Problem.response(404, "no saved search with id " + Problem.printable(id));
    }
}

package org.newspipeline.query.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchRequest;

import java.util.List;

/**
 * New articles matching a search, as they are stored: the live notice of the search page, and for
 * programs that follow a query. Each event's id is its place in the event log: a client that
 * reconnects with {@code Last-Event-ID} (as browsers' EventSource does) first gets what it missed.
 */
@Path("/articles/stream")
public class ArticleStreamResource {

    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveMatches live;

    public ArticleStreamResource(LiveMatches live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: one event {id, title, story, newStory} per newly stored article that matches q and the filters "
            + "(the same parameters as GET /articles, without sort, limit and cursor); a reconnect with Last-Event-ID first gets "
            + "the matches it missed (as far back as query.events.retention)")
    public Multi<OutboundSseEvent> stream(@QueryParam("q") String q, @QueryParam("source") String source,
                                          @QueryParam("entity") List<String> entity, @QueryParam("type") String type,
                                          @QueryParam("place") String place, @QueryParam("lang") String lang,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @Parameter(description = "the id of the last event received") @HeaderParam(LAST_EVENT_ID) String lastEventId,
                                          @Context Sse sse) {
        // Parsed before the stream opens, so a bad parameter is a 400 problem, not a broken stream.
        SearchRequest request = SearchRequest.of(q, source, entity, type, place, lang, from, to, null, 1, null);
        return events(live.of(request, lastSeen(lastEventId)), sse);
    }

    /** Each match as an event with its log position as id. */
    public static Multi<OutboundSseEvent> events(Multi<LiveMatches.Numbered> matches, Sse sse) {
        return matches.map(n -> sse.newEventBuilder().id(Long.toString(n.seq()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(n.match()).build());
    }

    /** @return the event id a client saw last, or null without one */
    public static Long lastSeen(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        if (!lastEventId.strip().matches("[0-9]{1,18}")) {
            throw new BadParameterException(LAST_EVENT_ID + " must be the id of an event of this stream (digits), not " + Problem.printable(lastEventId));
        }
        return Long.parseLong(lastEventId.strip());
    }
}

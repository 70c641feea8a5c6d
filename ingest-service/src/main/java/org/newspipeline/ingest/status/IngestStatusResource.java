package org.newspipeline.ingest.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.ingest.feed.FeedState;
import org.newspipeline.ingest.feed.FeedStateStore;
import org.newspipeline.ingest.inbox.InboxWatcher;

import java.util.Map;

@Path("/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
public class IngestStatusResource {

    public record Status(InboxWatcher.Counts inbox, Map<String, FeedState> feeds) {
    }

    private final InboxWatcher inbox;
    private final FeedStateStore feeds;

    public IngestStatusResource(InboxWatcher inbox, FeedStateStore feeds) {
        this.inbox = inbox;
        this.feeds = feeds;
    }

    @GET
    @Operation(summary = "Inbox file counts and, per feed, the last poll, last error and items published")
    public Status status() {
        return new Status(inbox.counts(), feeds.all());
    }
}

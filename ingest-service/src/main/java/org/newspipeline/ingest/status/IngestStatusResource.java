package org.newspipeline.ingest.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.ingest.feed.FeedState;
import org.newspipeline.ingest.feed.FeedStateStore;
import org.newspipeline.ingest.fetch.PageFetches;
import org.newspipeline.ingest.inbox.InboxWatcher;

import java.util.Map;

@Path("/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
public class IngestStatusResource {

    public record Status(InboxWatcher.Counts inbox, Map<String, FeedState> feeds, PageFetches.Status fetches) {
    }

    private final InboxWatcher inbox;
    private final FeedStateStore feeds;

    private final PageFetches fetches;

    public IngestStatusResource(InboxWatcher inbox, FeedStateStore feeds, PageFetches fetches) {
        this.inbox = inbox;
        this.feeds = feeds;
        this.fetches = fetches;
    }

    @GET
    @Operation(summary = "Inbox file counts; per feed, the last poll, last error and items published; "
            + "pages of feed items waiting to be fetched, and per host the pages fetched, failures and robots.txt refusals")
    public Status status() {
        return new Status(inbox.counts(), feeds.all(), fetches.status());
    }
}

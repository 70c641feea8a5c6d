package org.newspipeline.ingest.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newspipeline.ingest.fetch.PageFetches;
import org.newspipeline.ingest.inbox.InboxWatcher;
import org.newspipeline.ingest.source.SourceOwnership;
import org.newspipeline.ingest.source.SourceTopics;

import java.util.Set;

@Path("/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
public class IngestStatusResource {

    /**
     * @param sources            in the directory
     * @param ownedPartitions    the directory's partitions this replica polls
     */
    public record Status(InboxWatcher.Counts inbox, int sources, Set<Integer> ownedPartitions, PageFetches.Status fetches) {
    }

    private final InboxWatcher inbox;
    private final SourceTopics sources;
    private final SourceOwnership ownership;
    private final PageFetches fetches;

    public IngestStatusResource(InboxWatcher inbox, SourceTopics sources, SourceOwnership ownership, PageFetches fetches) {
        this.inbox = inbox;
        this.sources = sources;
        this.ownership = ownership;
        this.fetches = fetches;
    }

    @GET
    @Operation(summary = "Inbox file counts; the sources in the directory and the partitions this replica polls; "
            + "pages waiting to be fetched, and per host the pages fetched, failures and robots.txt refusals (per source: /sources)")
    public Status status() {
        return new Status(inbox.counts(), sources.sources().size(), ownership.owned(), fetches.status());
    }
}

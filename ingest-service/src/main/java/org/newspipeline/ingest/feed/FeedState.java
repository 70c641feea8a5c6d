package org.newspipeline.ingest.feed;

import java.time.Instant;

/**
 * What is remembered of one feed across restarts.
 *
 * @param items          items published from this feed so far
 * @param undatedItems   items whose date could not be read (published without one; enrich-service dates them)
 */
public record FeedState(String etag, String lastModified, Instant lastPoll, String lastError, long items,
                        long undatedItems) {

    public static final FeedState NEW = new FeedState(null, null, null, null, 0, 0);
}

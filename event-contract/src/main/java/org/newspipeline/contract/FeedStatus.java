package org.newspipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the replica polling a feed or sitemap knows of it, on the compacted topic
 * {@link Topics#SOURCE_STATE} keyed {@code feed:<url>} in its source's partition: a replica that
 * takes the partition over resumes from here (conditional GET, schedule, health) instead of from
 * nothing.
 *
 * @param interval            seconds until the next poll, adapted to how often the feed has new items
 * @param usualGap            seconds between polls that found new items, averaged: what "silent" is measured against
 * @param consecutiveFailures polls that failed since the last success
 * @param daily               new items per UTC day, newest last, the last {@link #DAYS} days up to {@code lastPoll}
 * @param health              the verdict at the last poll
 */
public record FeedStatus(int schemaVersion, String sourceId, String url, String etag, String lastModified,
                         Instant lastPoll, Instant nextPoll, long interval, Instant lastSuccess, Instant lastNewItem,
                         String lastError, int consecutiveFailures, long items, long undatedItems, long usualGap,
                         List<Integer> daily, Health health) {

    public static final int SCHEMA_VERSION = 1;
    public static final int DAYS = 14;

    /** NEW: not polled yet; SILENT: no new item for two usual gaps; FAILING: failed five times in a row. */
    public enum Health { NEW, OK, SILENT, FAILING }

    public FeedStatus {
        SchemaVersions.requireSupported(schemaVersion, SCHEMA_VERSION, "FeedStatus");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(url, "url");
        daily = daily == null ? List.of() : List.copyOf(daily);
        health = health == null ? Health.NEW : health;
    }

    public static FeedStatus first(String sourceId, String url) {
        return new FeedStatus(SCHEMA_VERSION, sourceId, url, null, null, null, null, 0, null, null, null, 0, 0, 0, 0,
                List.of(), Health.NEW);
    }

    public String key() {
        return key(url);
    }

    public static String key(String url) {
        return "feed:" + url;
    }
}

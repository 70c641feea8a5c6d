package org.newspipeline.ingest.feed;

import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.FeedStatus.Health;
import org.newspipeline.ingest.config.IngestConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed's next state after a poll: its interval adapted (halved after new items, half as long
 * again after none, doubled after a failure, never under what the server asked for, always within
 * the configured bounds), its daily counts and its health.
 */
final class PollOutcomes {

    private final IngestConfig.Feeds config;

    PollOutcomes(IngestConfig.Feeds config) {
        this.config = config;
    }

    /**
     * @param asked    how long the server asked us to wait (Cache-Control max-age, the feed's ttl), or null
     * @param newItems items not seen before
     */
    FeedStatus succeeded(FeedStatus before, Instant now, String etag, String lastModified, int newItems, int undated,
                         Duration asked) {
        long base = base(before);
        long interval = bounded(newItems > 0 ? base / 2 : base * 3 / 2, asked);
        Instant lastNew = newItems > 0 ? now : before.lastNewItem();
        long usualGap = before.usualGap();
        if (newItems > 0 && before.lastNewItem() != null) {
            long gap = Duration.between(before.lastNewItem(), now).toSeconds();
            usualGap = usualGap == 0 ? gap : (usualGap * 3 + gap) / 4;
        }
        FeedStatus after = new FeedStatus(FeedStatus.SCHEMA_VERSION, before.sourceId(), before.url(), etag, lastModified,
                now, now.plusSeconds(interval), interval, now, lastNew, null, 0, before.items() + newItems,
                before.undatedItems() + undated, usualGap, daily(before, now, newItems), Health.OK);
        return withHealth(after, now);
    }

    FeedStatus notModified(FeedStatus before, Instant now, Duration asked) {
        return succeeded(before, now, before.etag(), before.lastModified(), 0, 0, asked);
    }

    FeedStatus failed(FeedStatus before, Instant now, String error, Duration retryAfter) {
        long interval = bounded(base(before) * 2, retryAfter);
        FeedStatus after = new FeedStatus(FeedStatus.SCHEMA_VERSION, before.sourceId(), before.url(), before.etag(),
                before.lastModified(), now, now.plusSeconds(interval), interval, before.lastSuccess(), before.lastNewItem(),
                error, before.consecutiveFailures() + 1, before.items(), before.undatedItems(), before.usualGap(),
                daily(before, now, 0), Health.OK);
        return withHealth(after, now);
    }

    /**
     * FAILING after {@code failures-flagged} failures in a row; SILENT when the last new item is
     * older than two usual gaps between new items (at least two shortest intervals), so a feed is
     * flagged at the second poll that finds nothing where it used to.
     */
    FeedStatus withHealth(FeedStatus s, Instant now) {
        Health health;
        if (s.consecutiveFailures() >= config.failuresFlagged()) {
            health = Health.FAILING;
        } else if (s.lastNewItem() != null && s.usualGap() > 0
                && Duration.between(s.lastNewItem(), now).toSeconds() > 2 * Math.max(s.usualGap(), config.minInterval().toSeconds())) {
            health = Health.SILENT;
        } else {
            health = s.lastPoll() == null ? Health.NEW : Health.OK;
        }
        return new FeedStatus(s.schemaVersion(), s.sourceId(), s.url(), s.etag(), s.lastModified(), s.lastPoll(),
                s.nextPoll(), s.interval(), s.lastSuccess(), s.lastNewItem(), s.lastError(), s.consecutiveFailures(),
                s.items(), s.undatedItems(), s.usualGap(), s.daily(), health);
    }

    private long base(FeedStatus before) {
        return before.interval() > 0 ? before.interval() : config.pollInterval().toSeconds();
    }

    private long bounded(long seconds, Duration asked) {
        long min = config.minInterval().toSeconds();
        long max = config.maxInterval().toSeconds();
        long wanted = asked == null ? seconds : Math.max(seconds, asked.toSeconds());
        return Math.max(min, Math.min(max, wanted));
    }

    /** The daily counts moved on to today's date, today's grown by {@code newItems}. */
    static List<Integer> daily(FeedStatus before, Instant now, int newItems) {
        List<Integer> days = new ArrayList<>(before.daily());
        if (before.lastPoll() != null && !days.isEmpty()) {
            long passed = ChronoUnit.DAYS.between(day(before.lastPoll()), day(now));
            for (long d = 0; d < Math.min(passed, FeedStatus.DAYS); d++) {
                days.add(0);
            }
        } else {
            days.add(0);
        }
        days.set(days.size() - 1, days.get(days.size() - 1) + newItems);
        return days.subList(Math.max(0, days.size() - FeedStatus.DAYS), days.size());
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}

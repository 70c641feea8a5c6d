package org.newspipeline.ingest.feed;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.FeedStatus.Health;
import org.newspipeline.ingest.config.IngestConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollOutcomesTest {

    private static final IngestConfig.Feeds CONFIG = new IngestConfig.Feeds() {
        public Duration pollInterval() {
            return Duration.ofMinutes(5);
        }

        public Duration minInterval() {
            return Duration.ofMinutes(2);
        }

        public Duration maxInterval() {
            return Duration.ofHours(6);
        }

        public int parallelHosts() {
            return 8;
        }

        public int failuresFlagged() {
            return 5;
        }

        public int sitemapsPerIndex() {
            return 20;
        }
    };
    private static final PollOutcomes OUTCOMES = new PollOutcomes(CONFIG);
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void a_busy_feed_is_polled_more_often_down_to_the_shortest_interval_and_a_quiet_one_less_up_to_the_longest() {
        FeedStatus s = FeedStatus.first("s", "http://a/feed");
        Instant t = T0;
        for (int i = 0; i < 10; i++) {
            s = OUTCOMES.succeeded(s, t, null, null, 3, 0, null);
            t = s.nextPoll();
        }
        assertEquals(120, s.interval(), "bounded below by min-interval");
        for (int i = 0; i < 30; i++) {
            s = OUTCOMES.succeeded(s, t, null, null, 0, 0, null);
            t = s.nextPoll();
        }
        assertEquals(6 * 3600, s.interval(), "bounded above by max-interval");
    }

    @Test
    void what_the_server_asks_for_is_honoured_within_the_bounds() {
        FeedStatus s = OUTCOMES.succeeded(FeedStatus.first("s", "u"), T0, null, null, 5, 0, Duration.ofMinutes(30));
        assertEquals(1800, s.interval(), "Cache-Control or ttl: no sooner than asked");
        FeedStatus busy = OUTCOMES.failed(s, T0, "HTTP 429", Duration.ofDays(3));
        assertEquals(6 * 3600, busy.interval(), "Retry-After, capped at max-interval");
    }

    @Test
    void a_feed_that_stops_is_flagged_silent_at_the_second_poll_that_finds_nothing() {
        FeedStatus s = FeedStatus.first("s", "u");
        Instant t = T0;
        for (int i = 0; i < 6; i++) {
            s = OUTCOMES.succeeded(s, t, null, null, 2, 0, null);
            t = s.nextPoll();
        }
        assertEquals(Health.OK, s.health());
        s = OUTCOMES.succeeded(s, t, null, null, 0, 0, null);
        assertEquals(Health.OK, s.health(), "one empty poll is no silence");
        s = OUTCOMES.succeeded(s, s.nextPoll(), null, null, 0, 0, null);
        assertEquals(Health.SILENT, s.health());
        s = OUTCOMES.succeeded(s, s.nextPoll(), null, null, 1, 0, null);
        assertEquals(Health.OK, s.health(), "a new item ends the silence");
    }

    @Test
    void five_failures_in_a_row_flag_a_feed_and_the_interval_doubles_with_each() {
        FeedStatus s = OUTCOMES.succeeded(FeedStatus.first("s", "u"), T0, null, null, 1, 0, null);
        long interval = s.interval();
        for (int i = 1; i <= 5; i++) {
            s = OUTCOMES.failed(s, T0.plusSeconds(i), "HTTP 500", null);
            assertEquals(i < 5 ? Health.OK : Health.FAILING, s.health(), "after " + i);
            assertTrue(s.interval() >= Math.min(interval << i, 6 * 3600), "backs off");
        }
        assertEquals(Health.OK, OUTCOMES.succeeded(s, T0.plusSeconds(10), null, null, 0, 0, null).health());
    }

    @Test
    void daily_counts_roll_over_at_midnight_and_keep_fourteen_days() {
        FeedStatus s = OUTCOMES.succeeded(FeedStatus.first("s", "u"), T0, null, null, 4, 0, null);
        s = OUTCOMES.succeeded(s, T0.plus(Duration.ofHours(1)), null, null, 3, 0, null);
        assertEquals(List.of(7), s.daily());
        s = OUTCOMES.succeeded(s, T0.plus(Duration.ofDays(2)), null, null, 1, 0, null);
        assertEquals(List.of(7, 0, 1), s.daily());
        s = OUTCOMES.succeeded(s, T0.plus(Duration.ofDays(40)), null, null, 2, 0, null);
        assertEquals(14, s.daily().size());
        assertEquals(2, s.daily().get(13));
    }
}

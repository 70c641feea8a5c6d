package org.newspipeline.contract;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceRecordsTest {

    private static Source source(String homepage, String... feeds) {
        return new Source(Source.SCHEMA_VERSION, "tass", "TASS", homepage, "RU", "en", Source.Kind.AGENCY, List.of(feeds),
                List.of(), null, false, Instant.now());
    }

    private static ConsumerRecord<String, byte[]> record(int partition, String key, Object value) {
        return new ConsumerRecord<>(Topics.SOURCES, partition, 0, key, value == null ? null : ContractJson.write(value));
    }

    @Test
    void a_source_that_moved_partition_survives_the_tombstone_of_its_old_place_in_either_order() {
        SourceRecords records = new SourceRecords();
        records.applySource(record(1, "tass", source("https://tass.com/", "https://tass.com/rss")));
        records.applySource(record(2, "tass", source("https://tass.ru/", "https://tass.ru/rss")));
        records.applySource(record(1, "tass", null));
        assertEquals("https://tass.ru/", records.source("tass").orElseThrow().homepage());

        SourceRecords reversed = new SourceRecords();
        reversed.applySource(record(1, "tass", source("https://tass.com/", "https://tass.com/rss")));
        reversed.applySource(record(1, "tass", null));
        reversed.applySource(record(2, "tass", source("https://tass.ru/", "https://tass.ru/rss")));
        assertEquals("https://tass.ru/", reversed.source("tass").orElseThrow().homepage());
    }

    @Test
    void the_index_of_feeds_follows_changes_and_deletions() {
        SourceRecords records = new SourceRecords();
        records.applySource(record(1, "tass", source("https://tass.com/", "https://tass.com/a", "https://tass.com/b")));
        assertEquals(Optional.of("tass"), records.listedBy("https://tass.com/a"));
        records.applySource(record(1, "tass", source("https://tass.com/", "https://tass.com/b")));
        assertTrue(records.listedBy("https://tass.com/a").isEmpty(), "a dropped feed is no longer listed");
        Optional<Source> before = records.applySource(record(1, "tass", null));
        assertEquals(List.of("https://tass.com/b"), before.orElseThrow().feeds());
        assertTrue(records.listedBy("https://tass.com/b").isEmpty() && records.source("tass").isEmpty());
    }

    @Test
    void health_is_the_worst_of_the_feeds_and_a_feed_never_polled_is_new() {
        SourceRecords records = new SourceRecords();
        Source tass = source("https://tass.com/", "https://tass.com/a", "https://tass.com/b");
        records.applySource(record(1, "tass", tass));
        assertEquals(FeedStatus.Health.NEW, records.health(records.source("tass").orElseThrow()).health());
        FeedStatus failing = new FeedStatus(FeedStatus.SCHEMA_VERSION, "tass", "https://tass.com/b", null, null, Instant.now(),
                Instant.now(), 60, null, null, "HTTP 500", 5, 0, 0, 0, List.of(), FeedStatus.Health.FAILING);
        records.applyFeed("https://tass.com/b", ContractJson.write(failing));
        SourceHealth health = records.health(records.source("tass").orElseThrow());
        assertEquals(FeedStatus.Health.FAILING, health.health());
        assertEquals(5, health.consecutiveFailures());
        assertEquals(2, health.feeds().size());
    }
}

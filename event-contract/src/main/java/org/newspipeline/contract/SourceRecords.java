package org.newspipeline.contract;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source directory and its feeds' state as read from {@link Topics#SOURCES} and the
 * {@code feed:} records of {@link Topics#SOURCE_STATE}, with which source lists each feed.
 */
public final class SourceRecords {

    private record Placed(Source source, int partition) {
    }

    private final Map<String, Placed> sources = new ConcurrentHashMap<>();
    private final Map<String, FeedStatus> feeds = new ConcurrentHashMap<>();
    private final Map<String, String> listedBy = new ConcurrentHashMap<>();

    /**
     * Applies a record of {@link Topics#SOURCES}.
     *
     * @return the source as it was before the record, if there was one
     */
    public Optional<Source> applySource(ConsumerRecord<String, byte[]> record) {
        Placed before = sources.get(record.key());
        if (record.value() != null) {
            Source source = ContractJson.read(record.value(), Source.class);
            sources.put(record.key(), new Placed(source, record.partition()));
            if (before != null) {
                before.source().urls().forEach(url -> listedBy.remove(url, before.source().id()));
            }
            source.urls().forEach(url -> listedBy.put(url, source.id()));
        } else if (before != null && before.partition() == record.partition()) {
            // A source that moved to another partition leaves a tombstone in the old one: that one must not delete it.
            sources.remove(record.key());
            before.source().urls().forEach(url -> listedBy.remove(url, before.source().id()));
        }
        return Optional.ofNullable(before).map(Placed::source);
    }

    /** Applies a {@code feed:} record of {@link Topics#SOURCE_STATE} (a null value forgets the feed). */
    public void applyFeed(String url, byte[] value) {
        if (value == null) {
            feeds.remove(url);
        } else {
            feeds.put(url, ContractJson.read(value, FeedStatus.class));
        }
    }

    public Collection<Source> sources() {
        return sources.values().stream().map(Placed::source).toList();
    }

    public int size() {
        return sources.size();
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id)).map(Placed::source);
    }

    /** The partition the source's record was read from, for a source of the directory. */
    public Optional<Integer> partition(Source source) {
        Placed placed = sources.get(source.id());
        return placed != null && placed.source() == source ? Optional.of(placed.partition()) : Optional.empty();
    }

    /** The id of the source that lists this feed or sitemap. */
    public Optional<String> listedBy(String url) {
        return Optional.ofNullable(listedBy.get(url));
    }

    public Optional<FeedStatus> feed(String url) {
        return Optional.ofNullable(feeds.get(url));
    }

    public int feedCount() {
        return feeds.size();
    }

    public void putFeed(FeedStatus status) {
        feeds.put(status.url(), status);
    }

    public SourceHealth health(Source source) {
        return SourceHealth.of(source, feeds::get);
    }
}

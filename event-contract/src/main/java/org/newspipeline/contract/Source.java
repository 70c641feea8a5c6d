package org.newspipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An outlet we read, on the compacted topic {@link Topics#SOURCES} keyed by {@link #id()} (a
 * tombstone deletes it). Every ingest replica reads the whole directory; the replica that owns the
 * source's partition ({@link SourcePartitions}) polls its feeds and sitemaps.
 *
 * @param homepage       the outlet's home page; its host decides the partition, so one host's feeds
 *                       and pages are fetched by one replica at a time
 * @param country        ISO 3166-1 alpha-2, upper case, or null
 * @param language       ISO 639-1, or null
 * @param perHostDelay   seconds between two requests to this source's hosts; null for the service's default
 * @param paused         kept in the directory but not polled
 */
public record Source(int schemaVersion, String id, String name, String homepage, String country, String language,
                     Kind kind, List<String> feeds, List<String> sitemaps, Integer perHostDelay, boolean paused,
                     Instant changedAt) {

    public enum Kind { AGENCY, OUTLET, GOVERNMENT, BLOG, ORGANIZATION, OTHER }

    public static final int SCHEMA_VERSION = 1;

    public Source {
        SchemaVersions.requireSupported(schemaVersion, SCHEMA_VERSION, "Source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(homepage, "homepage");
        kind = kind == null ? Kind.OUTLET : kind;
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    }

    /** The host whose partition this source lives in. */
    public String host() {
        return WebUrls.host(homepage).orElse(homepage.toLowerCase(Locale.ROOT));
    }

    /** Its feeds, then its sitemaps, each once: what is polled for it. */
    public List<String> urls() {
        return java.util.stream.Stream.concat(feeds.stream(), sitemaps.stream()).distinct().toList();
    }

    public Source withPaused(boolean paused, Instant at) {
        return new Source(schemaVersion, id, name, homepage, country, language, kind, feeds, sitemaps, perHostDelay,
                paused, at);
    }
}

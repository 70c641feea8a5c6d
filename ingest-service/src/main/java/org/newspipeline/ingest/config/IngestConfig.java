package org.newspipeline.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of ingest-service; each has an environment override (INGEST_INBOX_DIR, ...). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** A folder published once at start-up and left as it is (the local stack points it at seeds/). */
    Optional<Path> importDir();

    /** Bodies larger than this are refused with 413 (1M, 512K, ...). */
    MemorySize maxBodySize();

    default long maxBodyBytes() {
        return maxBodySize().asLongValue();
    }

    /**
     * Request bodies held at once (declared lengths); a request beyond it gets 503 + Retry-After
     * before its body is read. A batch takes several times its size in heap while it is processed.
     */
    MemorySize maxInFlight();

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    Duration publishTimeout();

    Inbox inbox();

    Feeds feeds();

    Sources sources();

    Fetch fetch();

    Extract extract();

    /** Reading web pages (posted, dropped in the inbox, fetched for feed items). */
    interface Extract {
        /** A page not read within this is refused with that reason. */
        @WithDefault("5s")
        Duration timeout();

        /** Pages read at once; one per core when not set. */
        Optional<Integer> workers();
    }

    interface Inbox {
        /** The watched folder; files move to processed/ or rejected/ inside it. */
        Path dir();

        boolean enabled();

        /** How often the folder is scanned (read by the scheduler). */
        Duration pollInterval();

        /** A file is taken once its size and time have not changed for this long. */
        Duration settle();
    }

    /** Polling the feeds and sitemaps of the sources this replica owns. */
    interface Feeds {
        /** The first interval of a new feed; it then follows how often the feed has new items. */
        Duration pollInterval();

        /** The shortest interval, however busy the feed (a Cache-Control, ttl or Retry-After may ask for longer). */
        Duration minInterval();

        /** The longest interval, however quiet the feed or long its failures. */
        Duration maxInterval();

        /** Hosts polled at once (each host one request at a time); mostly waiting on the network. */
        int parallelHosts();

        /** Failures in a row after which a feed is flagged as failing. */
        @WithDefault("5")
        int failuresFlagged();

        /** Sitemap files read from one sitemap index per poll, newest first. */
        @WithDefault("20")
        int sitemapsPerIndex();
    }

    /** The source directory on Kafka, and how its partitions are divided among the replicas. */
    interface Sources {
        /** Partitions of {@code sources} and {@code sources.state}: the most replicas that share the polling. */
        int partitions();

        /** The consumer group whose members divide the sources among them. */
        @WithDefault("ingest-sources")
        String group();

        /** A replica silent this long is taken for dead and its sources go to the others. */
        Duration sessionTimeout();

        /** Sources at most in the directory (each costs memory in every replica). */
        @WithDefault("20000")
        int max();
    }

    /** Fetching the page behind each feed item, politely. */
    interface Fetch {
        /** Off: items are published with the feed's own text, as the feed gives it. */
        boolean enabled();

        /** Our product token: in the User-Agent, and the robots.txt group we obey before {@code *}. */
        String agent();

        /** Where site owners learn who is fetching their pages; goes in the User-Agent when set. */
        Optional<String> contactUrl();

        /** The pause between two requests to one host (a robots.txt Crawl-delay up to a minute lengthens it). */
        Duration perHostDelay();

        /** For the whole response, headers and body. */
        Duration timeout();

        /** Larger pages are not read (and the item keeps its feed text): 5M, 800K, ... */
        MemorySize maxSize();

        /** {@link #maxSize()} as an array can hold it. */
        default int maxBytes() {
            return (int) Math.min(Integer.MAX_VALUE - 8, maxSize().asLongValue());
        }

        /** Attempts for a failure that may pass (timeout, 5xx, 429) before the item keeps its feed text for good. */
        int maxAttempts();

        /** The first retry's wait; each further one waits twice as long. */
        Duration retryBackoff();

        /**
         * Whether item links may point at loopback, private or link-local addresses. Off, so a feed
         * cannot make us read our own network; tests serving feeds on localhost turn it on.
         */
        boolean allowPrivateHosts();

        /**
         * An HTTP proxy every page and robots.txt request goes through (a site's egress proxy), as
         * {@code http://host:port}; none by default. The proxy then decides which addresses may be reached.
         */
        Optional<java.net.URI> proxy();

        /** How often the queue looks for items it may fetch now (read by the scheduler). */
        @WithDefault("250ms")
        Duration tick();

        /** How long a host's robots.txt is trusted before it is read again. */
        Duration robotsTtl();
    }
}

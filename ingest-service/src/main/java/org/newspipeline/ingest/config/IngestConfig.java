package org.newspipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of ingest-service; each has an environment override (INGEST_INBOX_DIR, ...). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** A folder published once at start-up and left as it is (the local stack points it at seeds/). */
    Optional<Path> importDir();

    /** Bodies larger than this are refused with 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("20s")
    Duration publishTimeout();

    /** Where per-feed state (ETag, Last-Modified, last poll) is kept across restarts. */
    @WithDefault(".ingest-state")
    Path stateDir();

    Inbox inbox();

    Feeds feeds();

    interface Inbox {
        /** The watched folder; files move to processed/ or rejected/ inside it. */
        @WithDefault("inbox")
        Path dir();

        @WithDefault("true")
        boolean enabled();

        /** How often the folder is scanned (read by the scheduler). */
        @WithDefault("1s")
        Duration pollInterval();

        /** A file is taken once its size and time have not changed for this long. */
        @WithDefault("500ms")
        Duration settle();
    }

    interface Feeds {
        /** RSS 2.0 or Atom feed URLs; none by default. */
        Optional<List<String>> urls();

        @WithDefault("5m")
        Duration pollInterval();
    }
}

package org.newspipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of ingest-service; each has an environment override (INGEST_IMPORT_DIR, ...). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** A folder whose files are published once at start-up (the local stack points it at seeds/). */
    Optional<Path> importDir();

    /** Bodies larger than this are refused with 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("20s")
    Duration publishTimeout();
}

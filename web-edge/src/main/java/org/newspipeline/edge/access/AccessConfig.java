package org.newspipeline.edge.access;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Who may call a service (NEWS_API_KEYS, NEWS_READ_KEYS, NEWS_CORS_ORIGINS). */
@ConfigMapping(prefix = "news")
public interface AccessConfig {

    /**
     * Keys for every write or administrative call ({@code Authorization: Bearer <key>}). None:
     * writes are accepted from this machine's loopback addresses only.
     */
    Optional<List<String>> apiKeys();

    /** Keys for reads; none: reads are open. An API key is also good for reading. */
    Optional<List<String>> readKeys();

    /** Web origins allowed to call across sites (CORS); none: no cross-site writes at all. */
    Optional<List<String>> corsOrigins();
}

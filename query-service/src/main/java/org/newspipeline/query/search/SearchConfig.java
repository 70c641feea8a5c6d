package org.newspipeline.query.search;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** Search settings; each has an environment override (QUERY_SEARCH_HALF_LIFE, ...). */
@ConfigMapping(prefix = "query.search")
public interface SearchConfig {

    /** With {@code sort=recent}, relevance halves per this much age; ISO-8601, e.g. P14D. */
    Duration halfLife();

    /** The key cursors are sealed with; none: a random one per process (see {@link CursorSeal}). */
    Optional<String> cursorKey();
}

package org.newspipeline.query.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Search settings; each has an environment override (QUERY_SEARCH_WINDOW, ...). */
@ConfigMapping(prefix = "query.search")
public interface SearchConfig {

    /** How many of the newest matches are read at a time, and facets counted over. */
    @WithDefault("500")
    int window();

    /** Relevance halves per this much age (see {@link Relevance}); ISO-8601, e.g. P14D. */
    @WithDefault("P14D")
    Duration halfLife();

    /** The total is exact up to this many matches. */
    @WithDefault("1000")
    int countLimit();

    /**
     * A text in at least this share of the articles is common: its searches read the newest matches
     * without bitmap scans (see {@link MatchingArticles#isCommon}).
     */
    @WithDefault("0.05")
    double commonShare();

    /** The key cursors are sealed with; none: a random one per process (see {@link CursorSeal}). */
    Optional<String> cursorKey();
}

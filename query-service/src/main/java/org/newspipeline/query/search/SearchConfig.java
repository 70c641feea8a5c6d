package org.newspipeline.query.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Search settings; each has an environment override (QUERY_SEARCH_WINDOW, ...). */
@ConfigMapping(prefix = "query.search")
public interface SearchConfig {

    /** How many of the newest matches are ranked together, and facets counted over. */
    @WithDefault("500")
    int window();

    /** The total is exact up to this many matches. */
    @WithDefault("1000")
    int countLimit();
}

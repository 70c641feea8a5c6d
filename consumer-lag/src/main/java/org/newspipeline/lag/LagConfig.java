package org.newspipeline.lag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Which consumer groups' lag a service reports (NEWS_LAG_GROUPS), and how often it reads it (NEWS_LAG_INTERVAL). */
@ConfigMapping(prefix = "news.lag")
public interface LagConfig {

    /** The pipeline's groups: enrich on articles.raw; the store and the search index on articles.enriched. */
    @WithDefault("enrich-service,query-service,query-index")
    List<String> groups();

    @WithDefault("15s")
    Duration interval();
}

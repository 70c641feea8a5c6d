package org.newspipeline.query.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Where the search index lives; each has an environment override (QUERY_INDEX_URLS, ...). */
@ConfigMapping(prefix = "query.index")
public interface IndexConfig {

    /** The OpenSearch nodes to call, comma-separated: any of them answers. */
    List<String> urls();

    /** The alias searches and writes go through; the index behind it is {@code <name>-<generation>}. */
    String name();

    /** Primary shards of a new index: one per node that should search in parallel. */
    int shards();

    /** Copies of each shard on other nodes: 1 in a cluster, so that losing a node loses nothing. */
    int replicas();

    /** How long one request to OpenSearch may take before it counts as failed. */
    @WithDefault("30s")
    Duration timeout();
}

package org.newspipeline.searchnode;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.percolator.PercolatorPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node from the jars on the classpath, with the modules the pipeline uses given as
 * classpath plugins (there is no distribution to unpack). Run it in a JVM of its own.
 * <p>
 * Arguments are OpenSearch settings, {@code key=value}. Without any, it is the local stack's node:
 * a single-node cluster on 127.0.0.1:9200 keeping its data under {@code ./.search-node}. With
 * {@code discovery.seed_hosts} it joins (or forms, with {@code cluster.initial_cluster_manager_nodes})
 * a cluster instead.
 */
public final class SearchNode extends Node {

    private static final List<Class<? extends Plugin>> MODULES = List.of(Netty4Plugin.class, CommonAnalysisPlugin.class,
            PainlessPlugin.class, MapperExtrasPlugin.class, ReindexPlugin.class, PercolatorPlugin.class);

    private static final Map<String, String> DEFAULTS = Map.of(
            "cluster.name", "news-pipeline",
            "path.home", ".search-node",
            "network.host", "127.0.0.1",
            "http.port", "9200",
            // Our own indices only: nothing writes to others by accident.
            "action.auto_create_index", "false",
            // Free space, not a share of the disk: a node shares its machine's disk (a laptop, a CI
            // runner), where 85 % used can still be gigabytes free; at the default shares replicas
            // stay unassigned there and the index turns read-only.
            "cluster.routing.allocation.disk.watermark.low", "2gb",
            "cluster.routing.allocation.disk.watermark.high", "1gb",
            "cluster.routing.allocation.disk.watermark.flood_stage", "500mb");

    private SearchNode(Settings settings) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "search-node"), MODULES, true);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = settings(args);
        Files.createDirectories(Path.of(settings.get("path.home")));
        SearchNode node = new SearchNode(settings);
        node.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("search node: stopping failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "search-node-stop"));
        // Every thread of the node is a daemon: this one keeps the JVM alive.
        stopped.await();
    }

    static Settings settings(String[] args) {
        Settings.Builder builder = Settings.builder();
        DEFAULTS.forEach(builder::put);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("settings are key=value, not " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        if (builder.get("discovery.seed_hosts") == null) {
            builder.put("discovery.type", "single-node");
        }
        return builder.build();
    }
}

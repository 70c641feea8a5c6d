package org.newspipeline.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The search index's OpenSearch node ({@code search-node}), run as a process of its own like the
 * services: a single-node cluster on the loopback, its data in a folder of the run.
 */
public final class SearchNodeProcess {

    /** The name the supervisor and the logs know it by. */
    public static final String NAME = "search-node";
    /** The node's heap, fixed as OpenSearch advises; Lucene's memory-mapped index files come on top. */
    public static final String HEAP = "768m";
    /** Ready once the cluster is: its index shards can be written and searched. */
    private static final String READY = "/_cluster/health?wait_for_status=yellow&timeout=1s";

    private SearchNodeProcess() {
    }

    /**
     * @param httpPort  where it answers REST (9200 on the local stack)
     * @param dataDir   its home: data and temporary files
     */
    public static ServiceProcess start(Path repoRoot, String listen, int httpPort, Path dataDir, Path logDir) throws IOException {
        Path jar = repoRoot.resolve("search-node/target/search-node-1.0.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(logDir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+UseG1GC", "-Djava.io.tmpdir=" + dataDir,
                "-jar", jar.toString(),
                "path.home=" + dataDir, "network.host=" + listen, "http.port=" + httpPort,
                // Any free transport port: a single node talks to no other.
                "transport.port=0");
        return ServiceProcess.command(NAME, httpPort, READY, command, Map.of("MALLOC_ARENA_MAX", "2"), repoRoot,
                logDir.resolve(NAME + ".log"));
    }
}

package org.newspipeline.testing;

import org.newspipeline.localstack.Folders;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.SearchNodeProcess;
import org.newspipeline.localstack.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real OpenSearch node for tests, started once per test JVM: the one {@code PIPELINE_SEARCH_URL}
 * names, or the repository's {@code search-node} on a free port, in a temporary directory.
 */
public final class SharedSearchNode {

    private static String url;

    private SharedSearchNode() {
    }

    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv("PIPELINE_SEARCH_URL");
            url = external != null && !external.isBlank() ? external : start();
        }
        return url;
    }

    private static String start() {
        try {
            Path dir = Files.createTempDirectory("pipeline-test-search");
            int port = Ports.free();
            ServiceProcess node = SearchNodeProcess.start(repoRoot(), "127.0.0.1", port, dir.resolve("node"), dir.resolve("logs"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Folders.delete(dir);
            }, "search-node-stop"));
            node.awaitReady(Duration.ofSeconds(90));
            return "http://127.0.0.1:" + port;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test search node", e);
        }
    }

    /** Tests run in a module's folder; the repository is its parent. */
    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("search-node")) ? here : here.getParent();
    }
}

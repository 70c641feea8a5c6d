package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.ContractJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What the benchmarks share: where the repository is, and how latencies are summarized. */
final class Bench {

    private Bench() {
    }

    /** The repository root, whether run from it ({@code -pl pipeline-tests}) or from the module. */
    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("ingest-service")) ? here : here.getParent();
    }

    static Path sharedData() {
        return repoRoot().resolveSibling("shared").resolve("data");
    }

    /**
     * The Reuters-21578 articles with a body, file after file (the corpus' JSON arrays; see
     * {@code ../shared/data/README.md} for their fields).
     */
    static List<JsonNode> reuters(Path folder) throws IOException {
        List<JsonNode> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode a : ContractJson.mapper().readTree(file.toFile())) {
                    if (!a.path("body").asText("").isBlank()) {
                        articles.add(a);
                    }
                }
            }
        }
        return articles;
    }

    /** p50 and p99 of the samples, in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %6.1f ms  p99 %6.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }
}

package org.newspipeline.pipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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

    /** p50 and p99 of the samples, in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %6.1f ms  p99 %6.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }
}

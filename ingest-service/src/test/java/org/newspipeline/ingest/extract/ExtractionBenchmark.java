package org.newspipeline.ingest.extract;

import java.nio.file.Path;
import java.util.List;

/**
 * Main-text extraction on the development set: F, precision, recall, accuracy and pages per
 * second on one thread (one core), beside the published figures of other extractors.
 * {@code ./mvnw -q -pl ingest-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.newspipeline.ingest.extract.ExtractionBenchmark [-Dexec.args=--verbose]}
 */
public final class ExtractionBenchmark {

    /** What ExtractionQualityTest holds the extractor to. */
    static final double F_FLOOR = 0.93;
    static final double PRECISION_FLOOR = 0.925;

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = ExtractionDevSet.locate();
        if (dir == null) {
            System.out.println("The development set is not in ../shared/data/extraction-dev; nothing to measure.");
            return;
        }
        boolean verbose = List.of(args).contains("--verbose");
        List<ExtractionDevSet.Page> pages = ExtractionDevSet.load(dir);
        // The first round warms the JIT up; the second is the one reported.
        ExtractionDevSet.score(pages, page -> WebPages.extract(page.html(), null, page.url()).text(), false);
        ExtractionDevSet.Score score = ExtractionDevSet.score(pages,
                page -> WebPages.extract(page.html(), null, page.url()).text(), verbose);
        System.out.println("news-pipeline extractor: " + score);
        System.out.println("published on the full 990-page set: trafilatura 2.2 F 0.924 (P 0.906, R 0.943), "
                + "magic-html 0.889, justext 0.862, news-please 0.836, readability-lxml 0.826, boilerpy3 0.807");
        System.out.printf("goal: F >= 0.93 and P >= 0.92 at >= 50 pages/s per core: %s%n",
                score.f() >= 0.93 && score.precision() >= 0.92 && score.pagesPerSecond() >= 50 ? "met" : "not met");
    }
}

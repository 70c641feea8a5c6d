package org.newspipeline.enrich.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.management.OperatingSystemMXBean;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.pipeline.Enricher;
import org.newspipeline.enrich.support.TestEnricher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enricher's own ceiling: Reuters-21578 stories per second in this JVM on 1 and on 2 threads,
 * after a warm-up pass, with no Kafka around it; enrich-service's rate (EnrichBenchmark) is
 * reported against it. Argument: a JSON array of the texts to enrich (EnrichBenchmark passes the
 * ones it sends the service); without it, the first 4,000 Reuters stories.
 */
public final class InProcessThroughput {

    private InProcessThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts;
        if (args.length > 0) {
            texts = ContractJson.mapper().readValue(Path.of(args[0]).toFile(), new TypeReference<List<String>>() { });
        } else if (Files.isDirectory(ReutersCorpus.folder())) {
            texts = ReutersCorpus.load(ReutersCorpus.folder(), 4000).stream().map(ReutersCorpus.Story::wireCopy).toList();
        } else {
            System.err.println("Reuters data not found at " + ReutersCorpus.folder().toAbsolutePath() + " (see ../shared/data/README.md)");
            System.exit(2);
            return;
        }
        List<RawArticle> articles = texts.stream()
                .map(text -> new RawArticle(RawArticle.SCHEMA_VERSION, "x", "bench", Instant.now(), null, null, text,
                        null, null, null, null, null, List.of()))
                .toList();
        Enricher enricher = TestEnricher.get();
        rate(enricher, articles, 2); // warm-up: the JIT compiles CoreNLP
        for (int threads : new int[] {1, 2}) {
            Rate r = rate(enricher, articles, threads);
            System.out.printf("in-process enricher, %d thread(s): %.0f articles/s, %.0f per CPU-second%n", threads, r.perSecond(),
                    r.perCpuSecond());
        }
    }

    /** Articles per second of wall time, and per second of CPU time of the whole JVM (GC and JIT included). */
    record Rate(double perSecond, double perCpuSecond) {
    }

    static Rate rate(Enricher enricher, List<RawArticle> articles, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    for (int k; (k = next.getAndIncrement()) < articles.size(); ) {
                        enricher.enrich(articles.get(k));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return new Rate(articles.size() / ((System.nanoTime() - start) / 1e9),
                    articles.size() / ((os.getProcessCpuTime() - cpuStart) / 1e9));
        } finally {
            pool.shutdown();
        }
    }
}

package org.newspipeline.pipeline.bench;

import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.ServiceProcess;
import org.newspipeline.localstack.TopicSetup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Accepted articles per second through ingest-service, 4 KB articles, on the embedded broker:
 * {@code POST /articles/batch} (several clients) and the watched folder. Run after a package:
 * <pre>./mvnw -q install -DskipTests && ./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.mainClass=org.newspipeline.pipeline.bench.IngestBenchmark -Dexec.classpathScope=test</pre>
 */
public final class IngestBenchmark {

    static final int ARTICLE_BYTES = 4096;
    static final int BATCH_LINES = 500;
    static final int CLIENTS = 4;
    static final Random RANDOM = new Random(42);
    static final String[] WORDS = ("the minister said talks on security cooperation would continue next week in moscow "
            + "while delegates from the treaty organization discussed peacekeeping forces trade oil prices and markets").split(" ");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batchArticles = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int folderArticles = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path root = Bench.repoRoot();
        Path dir = Files.createTempDirectory("ingest-bench");
        Path inbox = dir.resolve("inbox");
        int port = Ports.free();
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", false)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            double kafkaCeiling = Ceilings.kafkaProduce(infra.kafkaBootstrapServers());
            try (ServiceProcess ingest = ServiceProcess.start(root, "ingest-service", "ingest-service", port,
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(), "INGEST_INBOX_DIR", inbox.toString()),
                    ServiceProcess.jvmOptions("ingest-service"), dir.resolve("logs"))) {
                ingest.awaitReady(Duration.ofSeconds(60));
                batch(ingest.url(), 2_000); // warm-up
                double batchRate = batch(ingest.url(), batchArticles);
                double folderRate = folder(inbox, folderArticles);
                System.out.printf("POST /articles/batch: %,d articles of 4 KB, %d clients x %d lines: %,.0f articles/s (%.1f MB/s)%n",
                        batchArticles, CLIENTS, BATCH_LINES, batchRate, batchRate * ARTICLE_BYTES / 1e6);
                System.out.printf("watched folder: %,d files of 4 KB: %,.0f articles/s%n", folderArticles, folderRate);
                System.out.printf("ratio to the Kafka produce ceiling measured on the same broker first (%,.0f records/s of 4 KB,"
                        + " acks=all; PERFORMANCE.md: ~28,000): batch %.2f, folder %.2f%n", kafkaCeiling, batchRate / kafkaCeiling,
                        folderRate / kafkaCeiling);
                System.out.printf("ingest-service resident memory after both: %,d MB (%s, as the local stack runs it)%n",
                        ingest.residentMb(), String.join(" ", ServiceProcess.jvmOptions("ingest-service")));
            }
        }
    }

    static String article() {
        StringBuilder sb = new StringBuilder(ARTICLE_BYTES + 64).append("MOSCOW, May 26. /TASS/. ");
        while (sb.length() < ARTICLE_BYTES) {
            sb.append(WORDS[RANDOM.nextInt(WORDS.length)]).append(RANDOM.nextInt(100_000)).append(' ');
        }
        return sb.substring(0, ARTICLE_BYTES);
    }

    static double batch(String url, int articles) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> bodies = new ArrayList<>();
        for (int done = 0; done < articles; done += BATCH_LINES) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < Math.min(BATCH_LINES, articles - done); i++) {
                ndjson.append("{\"body\":\"").append(article()).append("\"}\n");
            }
            bodies.add(ndjson.toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (String body : bodies) {
            answers.add(pool.submit(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/articles/batch"))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
                }
                return r.statusCode();
            }));
        }
        for (Future<Integer> a : answers) {
            a.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return articles / seconds;
    }

    static double folder(Path inbox, int articles) throws Exception {
        Path staging = inbox.resolveSibling("staging");
        Files.createDirectories(staging);
        Files.createDirectories(inbox);
        for (int i = 0; i < articles; i++) {
            Files.writeString(staging.resolve("a" + i + ".txt"), article());
        }
        long start = System.nanoTime();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                Files.move(f, inbox.resolve(f.getFileName()));
            }
        }
        Path processed = inbox.resolve("processed");
        while (true) {
            try (Stream<Path> done = Files.isDirectory(processed) ? Files.list(processed) : Stream.empty()) {
                if (done.count() >= articles) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return articles / ((System.nanoTime() - start) / 1e9);
    }
}

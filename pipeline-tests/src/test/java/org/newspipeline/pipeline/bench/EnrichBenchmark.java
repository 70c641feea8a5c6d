package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.ContractSerializer;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Enriched articles per second through the packaged enrich-service (entity recognition included,
 * both cores), on Reuters-21578 stories sent as wire copy to {@code articles.raw}, and the
 * service's resident memory; against the enricher alone in a JVM with the same heap, measured first
 * in the same run ({@link Ceilings#enricherInProcess}). Run after a package:
 * <pre>./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.mainClass=org.newspipeline.pipeline.bench.EnrichBenchmark -Dexec.classpathScope=test</pre>
 */
public final class EnrichBenchmark {

    private EnrichBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String heap = args.length > 1 ? args[1] : "1g"; // as the local stack and the containers run it
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<String> stories = wireCopy(reuters);
        List<String> inProcess = Ceilings.enricherInProcess(Bench.repoRoot(), heap);
        inProcess.forEach(line -> System.out.println(line + " (-Xmx" + heap + ", measured now)"));
        double ceiling = Ceilings.rate(inProcess.get(inProcess.size() - 1));
        Path dir = Files.createTempDirectory("enrich-bench");
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", false)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20);
            long bytes = 0;
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ContractSerializer())) {
                for (int i = 0; i < count; i++) {
                    String text = stories.get(i % stories.size());
                    bytes += text.length();
                    producer.send(new ProducerRecord<>(Topics.RAW, "b" + i, new RawArticle(1, "b" + i, "bench", Instant.now(),
                            null, null, text, null, null, null, null, null, List.of())));
                }
            }
            int port = Ports.free();
            try (ServiceProcess enrich = ServiceProcess.start(Bench.repoRoot(), "enrich-service", "enrich-service", port,
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers()), List.of("-Xmx" + heap), dir.resolve("logs"))) {
                long start = System.nanoTime();
                enrich.awaitReady(Duration.ofSeconds(120));
                double ready = (System.nanoTime() - start) / 1e9;
                Arrivals arrivals = awaitEnriched(infra, count);
                double seconds = (System.nanoTime() - start) / 1e9 - ready;
                System.out.printf("enrich-service: %,d Reuters stories (avg %,d chars) in %.1f s after start-up (%.1f s): "
                                + "%.0f articles/s with 2 cores, %.0f per core; resident memory %,d MB (-Xmx%s)%n",
                        count, bytes / count, seconds, ready, count / seconds, count / seconds / 2, enrich.residentMb(), heap);
                System.out.printf("first enriched record after %d ms; CoreNLP ceiling (PERFORMANCE.md): 84-100 ms per 4.2 KB article%n",
                        arrivals.firstMs());
                System.out.printf("after the first third (JIT warm): %.0f articles/s, %.0f %% of the enricher alone on 2 threads%n",
                        arrivals.warmRate(), 100 * arrivals.warmRate() / ceiling);
                double again = reenrichAll(port, count);
                System.out.printf("re-enrichment of the %,d stored stories (POST /reenrichments, warm): %.0f articles/s, %.0f %% of the"
                        + " service's warm rate%n", count, again, 100 * again / arrivals.warmRate());
            }
        }
    }

    /** Replays every raw article through the running service; returns its rate as the service reports it. */
    static double reenrichAll(int port, int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reenrichments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
        URI progress = URI.create("http://localhost:" + port + "/").resolve(started.headers().firstValue("Location").orElseThrow());
        while (true) {
            JsonNode p = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(progress).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!p.path("state").asText().equals("RUNNING")) {
                if (p.path("done").asLong() != expected) {
                    throw new IllegalStateException("re-enrichment ended with " + p);
                }
                return p.path("perSecond").asDouble();
            }
            Thread.sleep(1000);
        }
    }

    /**
     * When the first enriched record arrived (ms after the call), and the rate over the last two
     * thirds: the first third pays for the JIT compiling CoreNLP (C2 takes a quarter of a core then).
     */
    record Arrivals(long firstMs, double warmRate) {
    }

    /** Counts the enriched records until all are there. */
    static Arrivals awaitEnriched(Infrastructure infra, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-counter", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Large fetches, so that counting takes as little of the shared cores as it can.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        long start = System.nanoTime();
        long first = -1;
        long third = -1;
        int seenAtThird = 0;
        int seen = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            while (seen < expected) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                if (n > 0 && first < 0) {
                    first = (System.nanoTime() - start) / 1_000_000;
                }
                seen += n;
                if (third < 0 && seen >= expected / 3) {
                    third = System.nanoTime();
                    seenAtThird = seen;
                }
            }
        }
        return new Arrivals(first, (seen - seenAtThird) / ((System.nanoTime() - third) / 1e9));
    }

    static List<String> wireCopy(Path folder) throws Exception {
        List<String> stories = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode a : ContractJson.mapper().readTree(file.toFile())) {
                    if (!a.path("body").asText("").isBlank()) {
                        stories.add(a.path("title").asText("") + "\n\n" + a.path("dateline").asText("").strip() + " "
                                + a.path("body").asText());
                    }
                }
            }
        }
        return stories;
    }
}

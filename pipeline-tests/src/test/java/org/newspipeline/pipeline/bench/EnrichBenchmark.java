package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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

/**
 * Enriched articles per second through the packaged enrich-service (entity recognition included,
 * both cores), on Reuters-21578 stories sent as wire copy to {@code articles.raw}, and the
 * service's resident memory; against the enricher alone in a JVM with the same heap, measured first
 * in the same run ({@link Ceilings#enricherInProcess}). Run after a package:
 * <pre>./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.mainClass=org.newspipeline.pipeline.bench.EnrichBenchmark -Dexec.classpathScope=test</pre>
 */
public final class EnrichBenchmark {

    /** The enricher alone has enriched this many (warm-up pass, then 1 thread) before its 2-thread figure. */
    private static final int WARM_UP = 8_000;

    private EnrichBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String heap = args.length > 1 ? args[1] : ServiceProcess.heap("enrich-service"); // as the local stack runs it
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        List<String> stories = wireCopy(reuters);
        List<String> inProcess = Ceilings.enricherInProcess(Bench.repoRoot(), heap, stories);
        inProcess.forEach(line -> System.out.println(line + " (-Xmx" + heap + ", measured now)"));
        String twoThreads = inProcess.get(inProcess.size() - 1);
        double ceiling = Ceilings.rate(twoThreads);
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
                Arrivals arrivals = awaitEnriched(infra, count, Math.min(WARM_UP, count / 2), enrich.pid());
                double seconds = (System.nanoTime() - start) / 1e9 - ready;
                System.out.printf("enrich-service: %,d Reuters stories (avg %,d chars) in %.1f s after start-up (%.1f s): "
                                + "%.0f articles/s with 2 cores, %.0f per core; resident memory %,d MB (-Xmx%s)%n",
                        count, bytes / count, seconds, ready, count / seconds, count / seconds / 2, enrich.residentMb(), heap);
                System.out.printf("first enriched record after %d ms; CoreNLP ceiling (PERFORMANCE.md): 84-100 ms per 4.2 KB article%n",
                        arrivals.firstMs());
                System.out.printf("after the first %,d (JIT warm, as the enricher alone is for its 2-thread figure): %.0f articles/s,"
                                + " %.0f %% of the enricher alone on 2 threads%n",
                        Math.min(WARM_UP, count / 2), arrivals.warmRate(), 100 * arrivals.warmRate() / ceiling);
                // Where the cores went while warm: the service shares them with the broker (in this JVM).
                double[] cores = arrivals.warmCores();
                double perCpuSecond = arrivals.warmRate() / cores[0];
                System.out.printf("  cores used meanwhile: enrich-service %.2f, this JVM (broker) %.2f, whole machine %.2f;"
                                + " per CPU-second of its own process the service enriched %.0f articles, %.0f %% of the enricher alone (%.0f)%n",
                        cores[0], cores[1], cores[2], perCpuSecond, 100 * perCpuSecond / Ceilings.perCpuSecond(twoThreads),
                        Ceilings.perCpuSecond(twoThreads));
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
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark\",\"all\":true}")).build(), HttpResponse.BodyHandlers.ofString());
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
     * When the first enriched record arrived (ms after the call), and the rate after the warm-up:
     * the first thousands pay for the JIT compiling CoreNLP (C2 takes a fifth of a core then).
     * warmCores: cores used after the warm-up by the service, by this JVM and by the whole machine.
     */
    record Arrivals(long firstMs, double warmRate, double[] warmCores) {
    }

    /**
     * Watches the end offsets of {@code articles.enriched} until all records are there, and the CPU time
     * of the service {@code pid} after {@code warmUp}. Offsets, not a consumer: reading every enriched
     * record in this JVM took cores and caches from the service it measures.
     */
    static Arrivals awaitEnriched(Infrastructure infra, int expected, int warmUp, long pid) throws InterruptedException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        long start = System.nanoTime();
        long first = -1;
        long warm = -1;
        CpuTime cpuWhenWarm = null;
        long seenWhenWarm = 0;
        long seen = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            while (seen < expected) {
                Thread.sleep(100);
                seen = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                if (seen > 0 && first < 0) {
                    first = (System.nanoTime() - start) / 1_000_000;
                }
                if (warm < 0 && seen >= warmUp) {
                    warm = System.nanoTime();
                    cpuWhenWarm = CpuTime.now(pid);
                    seenWhenWarm = seen;
                }
            }
        }
        return new Arrivals(first, (seen - seenWhenWarm) / ((System.nanoTime() - warm) / 1e9), CpuTime.now(pid).coresSince(cpuWhenWarm));
    }

    static List<String> wireCopy(Path folder) throws Exception {
        List<String> stories = new ArrayList<>();
        for (JsonNode a : Bench.reuters(folder)) {
            stories.add(a.path("title").asText("") + "\n\n" + a.path("dateline").asText("").strip() + " " + a.path("body").asText());
        }
        return stories;
    }
}

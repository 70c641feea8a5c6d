package org.newspipeline.pipeline.sources;

import org.newspipeline.localstack.EmbeddedKafka;
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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * ingest-service with a large directory: N sources (one host and one feed each, default 5,000)
 * imported in one OPML call, one poll round of all of them against the farm, and the service's
 * resident memory after it, as the local stack runs it.
 */
public final class SourcesBenchmark {

    private SourcesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sources = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path root = Path.of("").toAbsolutePath();
        root = Files.isDirectory(root.resolve("ingest-service")) ? root : root.getParent();
        Path dir = Files.createTempDirectory("sources-bench");
        HttpClient http = HttpClient.newHttpClient();
        try (FeedFarm farm = new FeedFarm(sources, 1);
             EmbeddedKafka kafka = EmbeddedKafka.start(Ports.free(), dir.resolve("kafka"), 6)) {
            TopicSetup.ensureTopics(kafka.bootstrapServers());
            try (ServiceProcess ingest = ServiceProcess.start(root, "ingest-service", "ingest-service", Ports.free(),
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "INGEST_INBOX_DIR", dir.resolve("inbox").toString(),
                            "INGEST_FETCH_PROXY", farm.proxy(), "INGEST_FETCH_ENABLED", "false"),
                    ServiceProcess.jvmOptions("ingest-service"), dir.resolve("logs"))) {
                ingest.awaitReady(Duration.ofSeconds(90));
                long idle = ingest.residentMb();
                Instant start = Instant.now();
                HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/sources/opml"))
                        .timeout(Duration.ofMinutes(10)).header("Content-Type", "text/x-opml")
                        .POST(HttpRequest.BodyPublishers.ofString(farm.opml())).build(), HttpResponse.BodyHandlers.ofString());
                double importSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                if (imported.statusCode() != 200) {
                    throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
                }
                Set<String> feeds = new HashSet<>(farm.feeds());
                while (!polled(farm).containsAll(feeds)) {
                    Thread.sleep(500);
                }
                double roundSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0 - importSeconds;
                Thread.sleep(5_000);
                System.out.printf("sources: %,d imported in one OPML call in %.1f s (%,.0f sources/s); one poll round of all"
                                + " %,d feeds on %,d hosts after it %.1f s; ingest-service resident %,d MB idle, %,d MB with the"
                                + " directory after the round (%s)%n", sources, importSeconds, sources / importSeconds, feeds.size(),
                        sources, roundSeconds, idle, ingest.residentMb(), String.join(" ", ServiceProcess.jvmOptions("ingest-service")));
            }
        }
    }

    private static Set<String> polled(FeedFarm farm) {
        Set<String> polled = new HashSet<>();
        farm.requests().forEach(r -> polled.add("http://" + r.host() + r.path()));
        return polled;
    }
}

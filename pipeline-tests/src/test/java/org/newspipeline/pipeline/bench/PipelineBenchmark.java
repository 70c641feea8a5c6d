package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.PipelineServices;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.SearchNodeProcess;
import org.newspipeline.localstack.ServiceProcess;
import org.newspipeline.localstack.TopicSetup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * End to end on the whole stack (the three services as the local stack runs them, embedded broker
 * and PostgreSQL, the search node): Reuters-21578 stories posted to ingest-service until every one
 * is stored by query-service and in the search index, against the single-client preview rate ({@code POST /enrichments}, one story after
 * the other) measured on the same stack in the same run, both after 3,000 stories through the
 * pipeline have warmed every JVM up; then where the cores went and each service's resident memory.
 * Arguments: stories (5,000), previews (1,000), warm-up (3,000).
 * Run after the README's build command:
 * <pre>./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.newspipeline.pipeline.bench.PipelineBenchmark</pre>
 */
public final class PipelineBenchmark {

    private static final int BATCH_LINES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int previews = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        // Reuters-21578 repeats some stories: ingest accepts each once, and only those accepted are awaited.
        List<String> stories = List.copyOf(new LinkedHashSet<>(EnrichBenchmark.wireCopy(reuters)));
        if (warmUp + count > stories.size()) {
            throw new IllegalArgumentException("at most " + stories.size() + " distinct stories, warm-up included");
        }
        Path dir = Files.createTempDirectory("pipeline-bench");
        PipelineServices.Ports ports = new PipelineServices.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), List.of());
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", true)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            try (PipelineServices services = PipelineServices.start(Bench.repoRoot(), infra, ports, PipelineServices.LOOPBACK,
                    null, dir, (service, why) -> System.err.println(service.name() + " crashed too often: " + why), Map.of())) {
                HttpClient http = HttpClient.newHttpClient();
                String enrich = "http://localhost:" + ports.enrich();
                String ingest = "http://localhost:" + ports.ingest();
                // Warm-up through the whole pipeline: a fresh JVM spends a third of its CPU in the JIT
                // compiler for thousands of articles (C2 took 0.2 cores of query-service alone).
                String query = "http://localhost:" + ports.query();
                int warmedUp = postAll(http, ingest, stories.subList(0, warmUp));
                SearchBenchmark.awaitRows(infra, warmedUp);
                SearchBenchmark.awaitIndexed(query, warmedUp);
                System.out.printf("warm-up: %,d stories through the pipeline%n", warmUp);
                double previewRate = preview(http, enrich, stories.subList(stories.size() - previews, stories.size()));
                System.out.printf("single-client preview (POST /enrichments, one story after the other): %.0f articles/s%n", previewRate);

                List<String> names = List.of("ingest-service", "enrich-service", "query-service", SearchNodeProcess.NAME);
                long[] pids = names.stream().mapToLong(name -> services.service(name).pid()).toArray();
                CpuTime before = CpuTime.now(pids);
                long start = System.nanoTime();
                int accepted = postAll(http, ingest, stories.subList(warmUp, warmUp + count));
                double posted = (System.nanoTime() - start) / 1e9;
                SearchBenchmark.awaitRows(infra, warmedUp + accepted);
                double stored = (System.nanoTime() - start) / 1e9;
                SearchBenchmark.awaitIndexed(query, warmedUp + accepted);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("stored in PostgreSQL after %.1f s, in the search index after %.1f s%n", stored, seconds);
                System.out.printf("end to end: %,d stories posted in %.1f s (%,d accepted, the rest duplicates of others), all searchable"
                        + " after %.1f s: %.0f articles/s, %.2f x the single-client preview rate%n", count, posted, accepted, seconds,
                        accepted / seconds, accepted / seconds / previewRate);
                // Where the two cores went: the rest of the machine is mostly PostgreSQL (its own processes).
                double[] cores = CpuTime.now(pids).coresSince(before);
                System.out.printf("  cores used meanwhile: ingest %.2f, enrich %.2f, query %.2f, OpenSearch %.2f, this JVM (broker,"
                        + " benchmark) %.2f, the rest (PostgreSQL) %.2f; whole machine %.2f%n", cores[0], cores[1], cores[2], cores[3],
                        cores[4], cores[5] - cores[0] - cores[1] - cores[2] - cores[3] - cores[4], cores[5]);
                for (String name : names) {
                    System.out.printf("%s resident memory: %,d MB (%s)%n", name, services.service(name).residentMb(),
                            name.equals(SearchNodeProcess.NAME) ? "heap " + SearchNodeProcess.HEAP
                                    : String.join(" ", ServiceProcess.jvmOptions(name)));
                }
            }
        }
    }

    /** Posts the stories to ingest in batches; returns how many it accepted (Reuters-21578 repeats a few). */
    private static int postAll(HttpClient http, String ingest, List<String> stories) throws Exception {
        int accepted = 0;
        for (int done = 0; done < stories.size(); done += BATCH_LINES) {
            StringBuilder ndjson = new StringBuilder();
            for (String story : stories.subList(done, Math.min(stories.size(), done + BATCH_LINES))) {
                ndjson.append(JSON.writeValueAsString(Map.of("body", story))).append('\n');
            }
            accepted += JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(ingest + "/articles/batch"))
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))))
                    .path("accepted").asInt();
        }
        return accepted;
    }

    /** Posts each story to the preview endpoint, one after the other; returns stories per second. */
    static double preview(HttpClient http, String enrich, List<String> stories) throws Exception {
        long start = System.nanoTime();
        for (String story : stories) {
            send(http, HttpRequest.newBuilder(URI.create(enrich + "/enrichments")).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(story)));
        }
        return stories.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** @return the answer's body */
    private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}

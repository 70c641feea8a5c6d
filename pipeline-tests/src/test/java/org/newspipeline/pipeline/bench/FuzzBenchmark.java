package org.newspipeline.pipeline.bench;

import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.PipelineServices;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.TopicSetup;
import org.newspipeline.testing.HostileRequests;
import org.newspipeline.testing.HttpFuzzer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated hostile requests against the whole stack (seeds loaded): {@code -Dexec.args=20000} per
 * endpoint (the default). Prints, per endpoint, the count, p99 and max latency and every 5xx or
 * non-problem error; exits 1 if there was any.
 */
public final class FuzzBenchmark {

    private FuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perEndpoint = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path root = Bench.repoRoot();
        Path dir = Files.createTempDirectory("fuzz-bench");
        PipelineServices.Ports ports = new PipelineServices.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), List.of());
        List<HttpFuzzer.Outcome> outcomes = new ArrayList<>();
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", false)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            try (PipelineServices services = PipelineServices.start(root, infra, ports, PipelineServices.LOOPBACK,
                    root.resolve("seeds"), dir, (service, why) -> System.err.println("gave up: " + why), Map.of())) {
                HostileRequests query = new HostileRequests("http://localhost:" + ports.query() + "/", 7);
                HostileRequests ingest = new HostileRequests("http://localhost:" + ports.ingest() + "/", 7);
                HostileRequests enrich = new HostileRequests("http://localhost:" + ports.enrich() + "/", 7);
                outcomes.add(HttpFuzzer.run("GET /articles", query.searches(perEndpoint)));
                outcomes.add(HttpFuzzer.run("GET /entities", query.entityLookups(perEndpoint)));
                outcomes.add(HttpFuzzer.run("GET /stats/timeline", query.timelines(perEndpoint)));
                outcomes.add(HttpFuzzer.run("POST /articles", ingest.articlePosts(perEndpoint)));
                outcomes.add(HttpFuzzer.run("POST /enrichments", enrich.previews(perEndpoint)));
            }
        }
        outcomes.forEach(System.out::println);
        System.exit(outcomes.stream().allMatch(o -> o.failures().isEmpty()) ? 0 : 1);
    }
}

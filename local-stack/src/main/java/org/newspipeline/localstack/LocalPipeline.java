package org.newspipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The whole pipeline on one machine without Docker: an embedded Kafka broker on 9092, a private
 * PostgreSQL on 5433 (data kept in {@code .local-stack/} between runs), the three services on
 * 8080-8082, and the seed articles fed in. Ctrl-C stops everything.
 *
 * <pre>java -jar local-stack/target/local-stack-*.jar [--seeds DIR] [--data DIR] [--clean]</pre>
 */
public final class LocalPipeline {

    private LocalPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path seeds = Path.of("seeds");
        Path data = Path.of(".local-stack");
        boolean clean = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--clean" -> clean = true;
                default -> {
                    System.err.println("usage: LocalPipeline [--seeds DIR] [--data DIR] [--clean]");
                    System.exit(2);
                }
            }
        }
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = data.toAbsolutePath();
        Files.createDirectories(dataDir);

        System.out.println("Starting Kafka on 9092 and PostgreSQL on 5433 (data in " + dataDir + ") ...");
        Infrastructure infra = EmbeddedInfrastructure.start(9092, 5433, dataDir, clean, "news");
        CountDownLatch stopped = new CountDownLatch(1);
        PipelineServices[] services = new PipelineServices[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping services, Kafka and PostgreSQL ...");
            try (infra) {
                if (services[0] != null) {
                    services[0].close();
                }
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            }
            stopped.countDown();
        }, "local-pipeline-stop"));

        TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
        System.out.println("Starting query-service, enrich-service and ingest-service ...");
        services[0] = PipelineServices.start(repoRoot, infra, PipelineServices.Ports.FIXED,
                Files.isDirectory(seeds) ? seeds : null, dataDir.resolve("logs"));

        System.out.printf("""

                News pipeline is up (logs in %s).
                  search:  http://localhost:8080/articles?q=peacekeeping   (Swagger UI: http://localhost:8080/q/swagger-ui)
                  ingest:  curl -X POST localhost:8081/articles -H 'Content-Type: text/plain' --data-binary @article.txt
                  enrich:  http://localhost:8082/q/health
                  Kafka:   localhost:9092   PostgreSQL: jdbc:postgresql://localhost:5433/news (user postgres)
                Ctrl-C stops everything.
                """, dataDir.resolve("logs"));
        stopped.await();
    }
}

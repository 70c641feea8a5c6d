package org.newspipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole pipeline on one machine without Docker: an embedded Kafka broker on 9092, a private
 * PostgreSQL on 5433 (data kept in {@code .local-stack/} between runs), the three services on
 * 8080-8082, and the seed articles fed in. Ctrl-C stops everything.
 *
 * <pre>java -jar local-stack/target/local-stack-*.jar [--seeds DIR] [--data DIR] [--clean] [--fast] [--secure]
 *     [--traces OTLP_URL] [--listen 127.0.0.1] [--kafka-port 9092] [--postgres-port 5433] [--http-ports 8080,8081,8082[,8083...]]</pre>
 * (other ports only for running a second stack beside the first, as the end-to-end test does; each
 * port after the third starts one more enrich-service replica).
 * A service whose process ends is restarted; one that ends 5 times within 5 minutes stops the
 * whole stack with exit code 1. {@code --fast} runs PostgreSQL without fsync. {@code --secure} makes
 * the broker take SASL_SSL (SCRAM) only and PostgreSQL TLS with a password only, in a data directory
 * of its own ({@code .local-stack-secure/}); {@code --traces} exports the services' traces over OTLP. The services listen
 * on loopback only unless {@code --listen 0.0.0.0} (with NEWS_API_KEYS set) says otherwise; the
 * broker and PostgreSQL (which trusts every local connection) always do.
 */
public final class LocalPipeline {

    private LocalPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path seeds = Path.of("seeds");
        Path data = null;
        boolean clean = false;
        boolean fast = false;
        boolean secure = false;
        String listen = PipelineServices.LOOPBACK;
        int kafkaPort = 9092;
        int postgresPort = 5433;
        PipelineServices.Ports httpPorts = PipelineServices.Ports.FIXED;
        Map<String, String> settings = Map.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--clean" -> clean = true;
                case "--fast" -> fast = true;
                case "--secure" -> secure = true;
                case "--traces" -> settings = PipelineServices.traces(args[++i]);
                case "--listen" -> listen = args[++i];
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--search-port" -> httpPorts = new PipelineServices.Ports(httpPorts.query(), httpPorts.ingest(),
                        httpPorts.enrich(), Integer.parseInt(args[++i]), httpPorts.moreEnrich());
                case "--http-ports" -> {
                    String[] p = args[++i].split(",");
                    List<Integer> more = Arrays.stream(p).skip(3).map(Integer::parseInt).toList();
                    httpPorts = new PipelineServices.Ports(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                            Integer.parseInt(p[2]), httpPorts.search(), more);
                }
                default -> {
                    System.err.println("usage: LocalPipeline [--seeds DIR] [--data DIR] [--clean] [--fast] [--secure] [--traces OTLP_URL] [--listen ADDRESS] [--kafka-port P]"
                            + " [--postgres-port P] [--search-port P] [--http-ports QUERY,INGEST,ENRICH[,MORE_ENRICH...]]");
                    System.exit(2);
                }
            }
        }
        Path repoRoot = Path.of("").toAbsolutePath();
        // A secured broker's log is formatted with its user: it keeps a directory of its own.
        Path dataDir = (data != null ? data : Path.of(secure ? ".local-stack-secure" : ".local-stack")).toAbsolutePath();
        if (clean) {
            // Broker, database and ingest state go together: an empty database beside a full
            // topic would never be filled again (consumer offsets and published ids remain).
            Folders.delete(dataDir);
        }
        Files.createDirectories(dataDir);

        System.out.printf("Starting Kafka on %d and PostgreSQL on %d (data in %s) ...%n", kafkaPort, postgresPort, dataDir);
        if (fast) {
            System.out.println("--fast: PostgreSQL runs without fsync and synchronous commits; a machine crash"
                    + " can lose stored articles or corrupt the database.");
        }
        if (secure) {
            System.out.println("--secure: Kafka takes SASL_SSL (SCRAM-SHA-512) only, PostgreSQL TLS with a password only;"
                    + " the certificate and the passwords are in " + dataDir.resolve("tls"));
        }
        Infrastructure infra = EmbeddedInfrastructure.start(kafkaPort, postgresPort, dataDir, false, "news", !fast, secure);
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

        try {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers(), infra.kafkaSettings());
            System.out.println("Starting the search node, query-service, enrich-service and ingest-service ...");
            services[0] = PipelineServices.start(repoRoot, infra, httpPorts, listen,
                    Files.isDirectory(seeds) ? seeds : null, dataDir, (service, why) -> {
                        System.err.println("Giving up: " + why + "; see its log. Stopping everything.");
                        System.exit(1);
                    }, settings);
        } catch (Exception e) {
            // The broker's threads would keep this JVM alive: exit, so that the hook stops everything.
            System.err.println("The pipeline did not start: " + e.getMessage());
            System.exit(1);
        }

        System.out.printf("""

                News pipeline is up (logs in %s).
                  search:  http://localhost:%d/articles?q=peacekeeping   (Swagger UI: http://localhost:%d/q/swagger-ui)
                  ingest:  curl -X POST localhost:%d/articles -H 'Content-Type: text/plain' --data-binary @article.txt
                           or drop .txt/.json/.ndjson/.html files into %s
                  enrich:  http://localhost:%d/q/swagger-ui
                  Kafka:   localhost:%d%s
                  PostgreSQL: %s (user %s)
                  OpenSearch: http://127.0.0.1:%d (the search index, alias articles)
                Ctrl-C stops everything.
                """, dataDir.resolve("logs"), httpPorts.query(), httpPorts.query(), httpPorts.ingest(),
                dataDir.resolve("inbox"), httpPorts.enrich(), kafkaPort,
                secure ? " (SASL_SSL, user " + infra.dbUser() + "; passwords and certificate in " + dataDir.resolve("tls") + ")" : "",
                infra.jdbcUrl(), infra.dbUser(), httpPorts.search());
        stopped.await();
    }
}

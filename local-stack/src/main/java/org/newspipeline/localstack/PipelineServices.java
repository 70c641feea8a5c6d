package org.newspipeline.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search node and the three services started against one {@link Infrastructure}: the search
 * node first, query next (it owns the schema and the search index), then enrich, then ingest,
 * which may start feeding articles at once. Once they are
 * ready a {@link Supervisor} restarts any that ends; it gives up on one that keeps crashing.
 */
public final class PipelineServices implements AutoCloseable {

    /**
     * The fixed ports users and tools rely on.
     *
     * @param search     the search node's REST port
     * @param moreEnrich ports of further enrich-service replicas (the consumer group shares the partitions)
     */
    /** @param moreEnrich, moreQuery the ports of further replicas */
    public record Ports(int query, int ingest, int enrich, int search, List<Integer> moreEnrich, List<Integer> moreQuery) {
        public static final Ports FIXED = new Ports(8080, 8081, 8082, 9200, List.of());

        public Ports(int query, int ingest, int enrich, int search, List<Integer> moreEnrich) {
            this(query, ingest, enrich, search, moreEnrich, List.of());
        }
    }

    /** Only this machine can call the services unless another address is asked for. */
    public static final String LOOPBACK = "127.0.0.1";

    private final List<ServiceProcess> started = new ArrayList<>();
    private Supervisor supervisor;

    private PipelineServices() {
    }

    /**
     * @param importDir a folder whose files ingest-service publishes at start-up, or null
     * @param dataDir   where ingest-service's inbox and every service's log go
     * @param listen    the address the services listen on ({@link #LOOPBACK}, or 0.0.0.0 for every interface)
     * @param giveUp    told when a service crashed too often to be restarted again
     * @param settings  environment every service gets besides its own (e.g. {@link #traces(String)}), or none
     */
    public static PipelineServices start(Path repoRoot, Infrastructure infra, Ports ports, String listen, Path importDir,
                                         Path dataDir, Supervisor.GiveUp giveUp, Map<String, String> settings) throws Exception {
        Path logDir = dataDir.resolve("logs");
        PipelineServices services = new PipelineServices();
        try {
            Map<String, String> kafka = merge(merge(settings, infra.kafkaEnvironment()), Map.of("QUARKUS_HTTP_HOST", listen));
            services.started.add(SearchNodeProcess.start(repoRoot, LOOPBACK, ports.search(), dataDir.resolve("search"), logDir));
            Map<String, String> query = merge(kafka, Map.of(
                    "QUERY_INDEX_URLS", "http://" + LOOPBACK + ":" + ports.search(),
                    "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                    "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword()));
            services.launch(repoRoot, "query-service", "query-service", ports.query(), query, logDir);
            for (int i = 0; i < ports.moreQuery().size(); i++) {
                services.launch(repoRoot, "query-service", "query-service-" + (i + 2), ports.moreQuery().get(i), query, logDir);
            }
            services.launch(repoRoot, "enrich-service", "enrich-service", ports.enrich(), kafka, logDir);
            for (int i = 0; i < ports.moreEnrich().size(); i++) {
                services.launch(repoRoot, "enrich-service", "enrich-service-" + (i + 2), ports.moreEnrich().get(i), kafka, logDir);
            }
            Map<String, String> ingest = merge(kafka, Map.of("INGEST_INBOX_DIR", dataDir.resolve("inbox").toString()));
            services.launch(repoRoot, "ingest-service", "ingest-service", ports.ingest(), importDir == null ? ingest
                    : merge(ingest, Map.of("INGEST_IMPORT_DIR", importDir.toAbsolutePath().toString())), logDir);
            for (ServiceProcess service : services.started) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            services.supervisor = new Supervisor(List.copyOf(services.started), giveUp);
            return services;
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    /** The services' settings that turn traces on, exported over OTLP (gRPC) to an http(s) endpoint. */
    public static Map<String, String> traces(String otlpEndpoint) {
        String scheme = java.net.URI.create(otlpEndpoint).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("--traces takes an http(s) OTLP endpoint, not " + otlpEndpoint);
        }
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint);
    }

    private void launch(Path repoRoot, String module, String name, int port, Map<String, String> env, Path logDir)
            throws Exception {
        started.add(ServiceProcess.start(repoRoot, module, name, port, env, ServiceProcess.jvmOptions(module), logDir));
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    /** The service of that name ("enrich-service", "enrich-service-2", "query-service-2"), e.g. to kill it in a test. */
    public ServiceProcess service(String name) {
        return started.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** All at once (each gets SIGTERM, then up to 20 s), the front door first. */
    @Override
    public void close() throws InterruptedException {
        if (supervisor != null) {
            supervisor.close();
        }
        List<Thread> stopping = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            ServiceProcess service = started.get(i);
            Thread t = new Thread(() -> {
                try {
                    service.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-" + i);
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            t.join();
        }
    }
}

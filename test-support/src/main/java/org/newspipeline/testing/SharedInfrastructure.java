package org.newspipeline.testing;

import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Folders;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.TopicSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Real Kafka and PostgreSQL for tests, started once per test JVM and shared by every test in it:
 * <ol>
 * <li>external servers when {@code PIPELINE_KAFKA_BOOTSTRAP_SERVERS} and {@code PIPELINE_JDBC_URL}
 * name them ({@code PIPELINE_DB_USER}, {@code PIPELINE_DB_PASSWORD} optional);</li>
 * <li>Testcontainers when a Docker engine answers (or {@code PIPELINE_INFRA=testcontainers});</li>
 * <li>otherwise the embedded broker and a private PostgreSQL on free ports, in a temporary directory.</li>
 * </ol>
 */
public final class SharedInfrastructure {

    public static final String DATABASE = "news";

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
            try {
                TopicSetup.ensureTopics(instance.kafkaBootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("could not create the pipeline topics", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stop, "infrastructure-stop"));
        }
        return instance;
    }

    private static Infrastructure start() {
        String kafka = System.getenv("PIPELINE_KAFKA_BOOTSTRAP_SERVERS");
        String jdbc = System.getenv("PIPELINE_JDBC_URL");
        if (kafka != null && jdbc != null) {
            return new Infrastructure("external", kafka, Map.of(), jdbc, envOr("PIPELINE_DB_USER", "postgres"),
                    envOr("PIPELINE_DB_PASSWORD", ""), Optional.empty(), Optional.empty(), () -> { });
        }
        String wanted = envOr("PIPELINE_INFRA", "auto");
        if (wanted.equals("testcontainers") || (wanted.equals("auto") && TestcontainersInfrastructure.dockerAvailable())) {
            return TestcontainersInfrastructure.start(DATABASE);
        }
        try {
            Path dir = Files.createTempDirectory("pipeline-test-infra");
            Infrastructure embedded = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, DATABASE, false);
            return new Infrastructure(embedded.kind(), embedded.kafkaBootstrapServers(), Map.of(), embedded.jdbcUrl(),
                    embedded.dbUser(), embedded.dbPassword(), embedded.kafkaControl(), embedded.databaseControl(), () -> {
                        embedded.close();
                        Folders.delete(dir);
                    });
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker and PostgreSQL", e);
        }
    }

    private static synchronized void stop() {
        try {
            instance.close();
        } catch (Exception e) {
            System.err.println("stopping the test infrastructure failed: " + e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}

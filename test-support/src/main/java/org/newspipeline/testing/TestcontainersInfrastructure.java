package org.newspipeline.testing;

import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.TopicSetup;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Kafka and PostgreSQL in containers, for machines with a Docker engine. */
public final class TestcontainersInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17";

    private TestcontainersInfrastructure() {
    }

    public static boolean dockerAvailable() {
        // Asking Testcontainers where there is plainly no engine only logs alarming errors.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static Infrastructure start(String database) {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(TopicSetup.PARTITIONS));
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(database);
        kafka.start();
        postgres.start();
        return new Infrastructure("testcontainers", kafka.getBootstrapServers(), postgres.getJdbcUrl(),
                postgres.getUsername(), postgres.getPassword(), Optional.empty(), Optional.empty(), () -> {
                    postgres.stop();
                    kafka.stop();
                });
    }
}

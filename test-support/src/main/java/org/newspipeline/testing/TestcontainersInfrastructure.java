package org.newspipeline.testing;

import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.TopicSetup;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka and PostgreSQL in containers, for machines with a Docker engine: the official images, or
 * stand-ins for them named by {@code PIPELINE_KAFKA_IMAGE} and {@code PIPELINE_POSTGRES_IMAGE}
 * (containers/build-images.sh builds them where public images cannot be pulled).
 */
public final class TestcontainersInfrastructure {

    static final DockerImageName KAFKA_IMAGE = image("PIPELINE_KAFKA_IMAGE", "apache/kafka", "4.1.1");
    static final DockerImageName POSTGRES_IMAGE = image("PIPELINE_POSTGRES_IMAGE", "postgres", "17");

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

    private static DockerImageName image(String variable, String official, String tag) {
        String standIn = System.getenv(variable);
        return standIn == null || standIn.isBlank() ? DockerImageName.parse(official + ":" + tag)
                : DockerImageName.parse(standIn).asCompatibleSubstituteFor(official);
    }

    public static Infrastructure start(String database) {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(TopicSetup.PARTITIONS));
        // Ready once it listens on TCP: the official image's first start runs a server on a socket only,
        // and the stand-in logs its readiness once where the official image logs it twice.
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(database)
                .waitingFor(Wait.forListeningPort());
        kafka.start();
        try {
            postgres.start();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return new Infrastructure("testcontainers", kafka.getBootstrapServers(), Map.of(), postgres.getJdbcUrl(),
                postgres.getUsername(), postgres.getPassword(), Optional.empty(), Optional.empty(), () -> {
                    postgres.stop();
                    kafka.stop();
                });
    }
}

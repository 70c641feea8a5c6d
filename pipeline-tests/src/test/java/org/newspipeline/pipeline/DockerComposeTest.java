package org.newspipeline.pipeline;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Docker cannot run here, so the compose file is checked for what would break it. */
class DockerComposeTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    static Map<String, Object> service(String name) throws IOException {
        return service("docker-compose.yml", name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String file, String name) throws IOException {
        try (Reader r = Files.newBufferedReader(REPO.resolve(file))) {
            Map<String, Object> compose = new Yaml().load(r);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            return (Map<String, Object>) services.get(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service", "kafka", "postgres", "opensearch-1",
            "opensearch-2", "opensearch-3"})
    void every_long_running_service_is_there_with_a_health_check(String name) throws IOException {
        Map<String, Object> service = service(name);
        assertNotNull(service, name + " is missing");
        assertNotNull(service.get("healthcheck"), name + " has no health check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    @SuppressWarnings("unchecked")
    void services_build_from_their_dockerfile_and_wait_for_healthy_dependencies(String name) throws IOException {
        Map<String, Object> service = service(name);
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        Path dockerfile = REPO.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
        assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");

        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        assertEquals("service_healthy", dependsOn.get("kafka").get("condition"));
    }

    /** Read by the java launcher and by glibc, not by the application. */
    private static final Set<String> PROCESS_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "MALLOC_ARENA_MAX");

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    @SuppressWarnings("unchecked")
    void every_environment_variable_is_a_setting_the_service_reads(String name) throws IOException {
        Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
        Set<String> settings = settingsAsEnvironmentVariables(REPO, name);
        for (String variable : env.keySet()) {
            assertTrue(settings.contains(variable) || PROCESS_VARIABLES.contains(variable),
                    name + " does not read " + variable + "; it reads " + settings);
        }
    }

    /** Every Kafka client setting in its environment form (KAFKA_SASL_JAAS_CONFIG), as Quarkus reads KAFKA_* variables. */
    private static final Set<String> KAFKA_CLIENT_SETTINGS = Stream.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
                    AdminClientConfig.configNames()).flatMap(Set::stream)
            .map(k -> "KAFKA_" + k.toUpperCase(Locale.ROOT).replace('.', '_')).collect(Collectors.toSet());

    /** The secured override passes Kafka client settings (every KAFKA_* variable is one) and settings the service reads. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    @SuppressWarnings("unchecked")
    void the_secured_override_passes_kafka_client_settings_and_the_certificates_as_secrets(String name) throws IOException {
        Map<String, Object> service = service("docker-compose.secured.yml", name);
        Map<String, Object> env = (Map<String, Object>) service.get("environment");
        Set<String> settings = settingsAsEnvironmentVariables(REPO, name);
        assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"));
        for (String variable : env.keySet()) {
            assertTrue(settings.contains(variable) || KAFKA_CLIENT_SETTINGS.contains(variable), name + " does not read " + variable);
        }
        assertTrue(((List<String>) service.get("secrets")).contains("kafka-ca"));
        assertEquals("/run/secrets/kafka-ca", env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
    }

    /**
     * Quarkus' environment form of each key a service is configured with (its own properties and
     * those every service shares through web-edge): upper case, every other character an underscore.
     */
    static Set<String> settingsAsEnvironmentVariables(Path repo, String service) throws IOException {
        Properties p = new Properties();
        for (Path file : List.of(repo.resolve(service).resolve("src/main/resources/application.properties"),
                repo.resolve("web-edge/src/main/resources/META-INF/microprofile-config.properties"))) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
        }
        return p.stringPropertyNames().stream()
                .map(k -> k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k)
                .map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}

package org.newspipeline.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.KafkaSecurity;
import org.newspipeline.localstack.TlsMaterial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The run command with {@code --secure}: the broker takes SASL_SSL (SCRAM-SHA-512) only and
 * PostgreSQL TLS with a password only, and every client of every service, hand-made or the
 * framework's, gets there through the settings the launcher passes as the environment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredPipelineIT {

    @TempDir
    static Path data;
    static RunningStack stack;
    static KafkaSecurity kafka;

    @BeforeAll
    static void startTheSecuredPipeline() throws Exception {
        stack = RunningStack.start(data, 2, "--secure");
        kafka = new KafkaSecurity(TlsMaterial.in(data.resolve("tls")), EmbeddedInfrastructure.SERVICES_USER,
                Files.readString(data.resolve("tls/kafka-password")).strip());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void seeds_are_searchable_and_a_catalog_correction_is_re_enriched_into_the_search() throws Exception {
        stack.awaitSearch("peacekeeping", 5, Duration.ofSeconds(90));
        LocalPipelineIT.seedSearchesWork(stack);
        LocalPipelineIT.catalogCorrectionReachesEveryReplicaAndTheSearch(stack);
    }

    @Test
    @Order(2)
    void poison_records_reach_their_dead_letter_topics() throws Exception {
        String raw = "secured-poison-" + UUID.randomUUID();
        String enriched = "secured-poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(settings(kafka.clientSettings()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW, raw, "{not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ENRICHED, enriched, "{not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
        assertTrue(reasonOf(Topics.RAW_DLQ, raw).contains("RawArticle"));
        assertTrue(reasonOf(Topics.ENRICHED_DLQ, enriched).contains("EnrichedArticle"));
    }

    @Test
    @Order(3)
    void kafka_refuses_a_client_without_tls_or_with_a_wrong_password() {
        Map<String, String> plaintext = Map.of("request.timeout.ms", "3000", "default.api.timeout.ms", "5000");
        try (Admin admin = Admin.create(settings(plaintext))) {
            assertThrows(Exception.class, () -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
        }
        Map<String, String> wrong = new HashMap<>(new KafkaSecurity(kafka.tls(), kafka.user(), "not-the-password").clientSettings());
        try (Admin admin = Admin.create(settings(wrong))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof SaslAuthenticationException, refused.toString());
        }
    }

    @Test
    @Order(4)
    void postgresql_takes_the_services_user_over_tls_with_its_password_only() throws Exception {
        String password = Files.readString(data.resolve("tls/database-password")).strip();
        String url = "jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/news";
        String verified = url + "?sslmode=verify-full&sslrootcert=" + data.resolve("tls/certificate.pem");
        try (Connection c = DriverManager.getConnection(verified, EmbeddedInfrastructure.SERVICES_USER, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), bool_and(ssl) FROM article, pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 5, "the seeds are stored: " + rs.getInt(1));
            assertTrue(rs.getBoolean(2), "over TLS");
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "?sslmode=disable", EmbeddedInfrastructure.SERVICES_USER, password).close(),
                "without TLS");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(verified, EmbeddedInfrastructure.SERVICES_USER, "not-the-password").close(),
                "with a wrong password");
    }

    private static Map<String, Object> settings(Map<String, String> own) {
        Map<String, Object> settings = new HashMap<>(own);
        settings.put("bootstrap.servers", "127.0.0.1:" + stack.kafkaPort());
        return settings;
    }

    /** The reason a record was dead-lettered for, read over SASL_SSL. */
    private static String reasonOf(String topic, String key) throws Exception {
        Map<String, Object> config = settings(kafka.clientSettings());
        config.put("isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        fail(key + " did not reach " + topic);
        return null;
    }
}

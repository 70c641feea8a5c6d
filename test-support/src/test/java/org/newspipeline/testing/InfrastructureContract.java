package org.newspipeline.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.TopicSetup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every infrastructure must give the services: a broker that takes and returns keyed
 * records on topics with 6 partitions, and a PostgreSQL with the text-search features search uses.
 */
abstract class InfrastructureContract {

    static Infrastructure infra;

    @AfterAll
    static void stop() throws Exception {
        if (infra != null) {
            infra.close();
            infra = null;
        }
    }

    @Test
    void broker_takes_and_returns_a_keyed_record() throws Exception {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW_DLQ, "k1", "hello")).get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RAW_DLQ));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertEquals("hello", records.iterator().next().value());
            assertEquals(TopicSetup.PARTITIONS, consumer.partitionsFor(Topics.RAW).size());
        }
    }

    @Test
    void postgres_has_the_text_search_features_the_query_service_uses() throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            ResultSet rs = c.createStatement().executeQuery("""
                    SELECT to_tsvector('english', unaccent('António Guterres on peacekeeping'))
                           @@ websearch_to_tsquery('english', 'antonio "peacekeeping" -nato'),
                           CAST(websearch_to_tsquery('english', 'oil prices -"crude oil" OR gas') AS text)""");
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1));
            // query-service's Highlighter reads the lexemes to mark from this text form.
            assertEquals("'oil' & 'price' & !( 'crude' <-> 'oil' ) | 'gas'", rs.getString(2));
        }
    }
}

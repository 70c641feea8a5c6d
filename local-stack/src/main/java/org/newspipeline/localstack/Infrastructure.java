package org.newspipeline.localstack;

import java.util.Map;
import java.util.Optional;

/**
 * Where Kafka and PostgreSQL are for a run, whoever started them. Closing it stops what this run
 * started and leaves external servers alone.
 *
 * @param kafkaSettings   Kafka client settings besides the bootstrap servers (security.protocol,
 *                        sasl.*, ssl.* for a secured broker); empty for a plaintext one
 * @param kafkaControl    present when this run owns the broker and can stop and restart it
 * @param databaseControl present when this run owns PostgreSQL and can stop and restart it
 */
public record Infrastructure(String kind, String kafkaBootstrapServers, Map<String, String> kafkaSettings,
                             String jdbcUrl, String dbUser,
                             String dbPassword, Optional<KafkaControl> kafkaControl,
                             Optional<DatabaseControl> databaseControl, AutoCloseable stopper)
        implements AutoCloseable {

    /**
     * The Kafka settings as a service's environment ({@code KAFKA_SASL_MECHANISM}, ...): Quarkus reads
     * every {@code KAFKA_*} variable into its shared Kafka configuration, which every client takes.
     */
    public Map<String, String> kafkaEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        kafkaSettings.forEach((k, v) -> env.put("KAFKA_" + k.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), v));
        return env;
    }

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}

package org.newspipeline.localstack;

import java.util.Optional;

/**
 * Where Kafka and PostgreSQL are for a run, whoever started them. Closing it stops what this run
 * started and leaves external servers alone.
 *
 * @param kafkaControl    present when this run owns the broker and can stop and restart it
 * @param databaseControl present when this run owns PostgreSQL and can stop and restart it
 */
public record Infrastructure(String kind, String kafkaBootstrapServers, String jdbcUrl, String dbUser,
                             String dbPassword, Optional<KafkaControl> kafkaControl,
                             Optional<DatabaseControl> databaseControl, AutoCloseable stopper)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}

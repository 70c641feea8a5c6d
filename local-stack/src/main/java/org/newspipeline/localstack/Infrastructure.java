package org.newspipeline.localstack;

/**
 * Where Kafka and PostgreSQL are for a run, whoever started them. Closing it stops what this run
 * started and leaves external servers alone.
 */
public record Infrastructure(String kind, String kafkaBootstrapServers, String jdbcUrl, String dbUser,
                             String dbPassword, AutoCloseable stopper) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}

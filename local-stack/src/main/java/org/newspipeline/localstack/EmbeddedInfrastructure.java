package org.newspipeline.localstack;

import java.nio.file.Path;
import java.util.Optional;

/** The embedded default: a KRaft broker in this JVM and a private PostgreSQL server process. */
public final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    /**
     * @param durable PostgreSQL with fsync and synchronous commits (see {@link PrivatePostgres}); tests
     *                that throw their data away run without
     */
    public static Infrastructure start(int kafkaPort, int postgresPort, Path dataDir, boolean clean,
                                       String database, boolean durable) throws Exception {
        PrivatePostgres postgres = PrivatePostgres.start(postgresPort, dataDir.resolve("postgres"), clean, database,
                durable);
        Broker broker = new Broker(kafkaPort, dataDir.resolve("kafka"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new Infrastructure("embedded", "127.0.0.1:" + kafkaPort, postgres.jdbcUrl(), PrivatePostgres.USER, "",
                Optional.of(broker), Optional.of(postgres), () -> {
                    try (postgres) {
                        broker.stop();
                    }
                });
    }

    /** The broker, restartable on the same port and log directory. */
    private static final class Broker implements KafkaControl {
        private final int port;
        private final Path logDir;
        private EmbeddedKafka running;

        Broker(int port, Path logDir) {
            this.port = port;
            this.logDir = logDir;
        }

        @Override
        public synchronized void start() {
            if (running == null) {
                try {
                    running = EmbeddedKafka.start(port, logDir, TopicSetup.PARTITIONS);
                } catch (Exception e) {
                    throw new IllegalStateException("could not start the embedded Kafka broker", e);
                }
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }
}

package org.newspipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The embedded default: a KRaft broker in this JVM and a private PostgreSQL server process. */
public final class EmbeddedInfrastructure {

    /** The user the services log in as, to a secured broker and database. */
    public static final String SERVICES_USER = "news";

    private EmbeddedInfrastructure() {
    }

    /**
     * @param durable PostgreSQL with fsync and synchronous commits (see {@link PrivatePostgres}); tests
     *                that throw their data away run without
     */
    public static Infrastructure start(int kafkaPort, int postgresPort, Path dataDir, boolean clean,
                                       String database, boolean durable) throws Exception {
        return start(kafkaPort, postgresPort, dataDir, clean, database, durable, false);
    }

    /**
     * @param secure the broker's listener SASL_SSL and PostgreSQL TLS-only with a password for the
     *               services' user ({@link KafkaSecurity}, {@link DatabaseSecurity}); the certificate
     *               and the passwords are made once and kept in {@code <dataDir>/tls}
     */
    public static Infrastructure start(int kafkaPort, int postgresPort, Path dataDir, boolean clean,
                                       String database, boolean durable, boolean secure) throws Exception {
        if (secure && Files.exists(dataDir.resolve("kafka/meta.properties")) && !Files.exists(dataDir.resolve("tls/kafka-password"))) {
            throw new IllegalStateException(dataDir + " holds a broker started without --secure, which has no user to log in"
                    + " as: use another --data directory, or --clean");
        }
        TlsMaterial tls = secure ? TlsMaterial.in(dataDir.resolve("tls")) : null;
        KafkaSecurity kafka = secure ? new KafkaSecurity(tls, SERVICES_USER, Secrets.kept(dataDir.resolve("tls/kafka-password"))) : null;
        DatabaseSecurity db = secure ? new DatabaseSecurity(tls, SERVICES_USER, Secrets.kept(dataDir.resolve("tls/database-password"))) : null;
        PrivatePostgres postgres = PrivatePostgres.start(postgresPort, dataDir.resolve("postgres"), clean, database,
                durable, db);
        Broker broker = new Broker(kafkaPort, dataDir.resolve("kafka"), kafka);
        try {
            broker.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new Infrastructure(secure ? "embedded, secured" : "embedded", "127.0.0.1:" + kafkaPort,
                secure ? kafka.clientSettings() : Map.of(), postgres.jdbcUrl(),
                secure ? db.user() : PrivatePostgres.USER, secure ? db.password() : "",
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
        private final KafkaSecurity security;
        private EmbeddedKafka running;

        Broker(int port, Path logDir, KafkaSecurity security) {
            this.port = port;
            this.logDir = logDir;
            this.security = security;
        }

        @Override
        public synchronized void start() {
            if (running == null) {
                try {
                    running = EmbeddedKafka.start(port, logDir, TopicSetup.PARTITIONS, security);
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

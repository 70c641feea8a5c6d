package org.newspipeline.localstack;

import java.nio.file.Path;

/** The embedded default: a KRaft broker in this JVM and a private PostgreSQL server process. */
public final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    public static Infrastructure start(int kafkaPort, int postgresPort, Path dataDir, boolean clean,
                                       String database) throws Exception {
        PrivatePostgres postgres = PrivatePostgres.start(postgresPort, dataDir.resolve("postgres"), clean, database);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(kafkaPort, dataDir.resolve("kafka"), TopicSetup.PARTITIONS);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        return new Infrastructure("embedded", kafka.bootstrapServers(), postgres.jdbcUrl(), PrivatePostgres.USER, "",
                () -> {
                    try (postgres) {
                        kafka.close();
                    }
                });
    }
}

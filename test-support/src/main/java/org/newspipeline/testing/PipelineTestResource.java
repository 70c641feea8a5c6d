package org.newspipeline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.newspipeline.localstack.Infrastructure;

import java.util.Map;

/**
 * Points a service under test at the shared Kafka and PostgreSQL. Every test class of a module
 * uses this one resource, so Quarkus starts the application once per module.
 */
public class PipelineTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Infrastructure infra = SharedInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", infra.dbUser(),
                "quarkus.datasource.password", infra.dbPassword());
    }

    @Override
    public void stop() {
        // Shared by the whole test JVM; SharedInfrastructure stops it at JVM exit.
    }
}

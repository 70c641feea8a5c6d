package org.newspipeline.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.newspipeline.localstack.TopicSetup;

/**
 * The same contract in containers. Each test is skipped, saying why, where no Docker engine answers,
 * unless {@code PIPELINE_INFRA=testcontainers} asks for containers (containers/test.sh, in CI): then
 * a missing engine is a failure.
 */
class TestcontainersInfrastructureTest extends InfrastructureContract {

    @BeforeAll
    static void start() throws Exception {
        boolean required = "testcontainers".equals(System.getenv("PIPELINE_INFRA"));
        if (required || TestcontainersInfrastructure.dockerAvailable()) {
            infra = TestcontainersInfrastructure.start("news");
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
        }
    }

    @BeforeEach
    void requireDocker() {
        Assumptions.assumeTrue(infra != null,
                "skipped: no Docker engine here (Testcontainers needs one); EmbeddedInfrastructureTest covers the same contract");
    }
}

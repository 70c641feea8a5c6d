package org.newspipeline.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.newspipeline.localstack.TopicSetup;

/** The same contract in containers; each test is skipped, saying why, where no Docker engine answers. */
class TestcontainersInfrastructureTest extends InfrastructureContract {

    @BeforeAll
    static void start() throws Exception {
        if (TestcontainersInfrastructure.dockerAvailable()) {
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

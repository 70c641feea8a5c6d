package org.newspipeline.testing;

import org.junit.jupiter.api.BeforeAll;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.TopicSetup;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class EmbeddedInfrastructureTest extends InfrastructureContract {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", false);
        TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
    }
}

package org.newspipeline.ingest.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newspipeline.contract.ClientSettings;

import java.util.Map;

/** The settings of the Kafka clients this service makes by hand ({@link ClientSettings}). */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = shared;
    }

    public Map<String, Object> config(Map<String, Object> own) {
        return ClientSettings.of(shared, own);
    }
}

package org.newspipeline.ingest.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings for the Kafka clients this service makes by hand: Quarkus' shared {@code kafka.*}
 * configuration (bootstrap servers, and security settings when a cluster asks for them) under the
 * client's own.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = shared;
    }

    public Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>();
        shared.forEach((key, value) -> {
            // The shared map also holds Quarkus' and SmallRye's own keys; Kafka clients warn about those.
            if (!key.startsWith("quarkus.") && !key.equals("health-enabled")) {
                config.put(key, value);
            }
        });
        config.putAll(own);
        return config;
    }
}

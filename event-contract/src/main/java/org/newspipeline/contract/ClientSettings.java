package org.newspipeline.contract;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings for Kafka clients a service makes by hand: the framework's shared Kafka configuration
 * (bootstrap servers, and security settings when a cluster asks for them) under the client's own.
 */
public final class ClientSettings {

    private ClientSettings() {
    }

    /** @param shared Quarkus' {@code default-kafka-broker} map (the {@code kafka.*} settings) */
    public static Map<String, Object> of(Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>();
        // The shared map may hold keys of the messaging layer too; Kafka clients only warn about those.
        shared.forEach((key, value) -> {
            if (!key.startsWith("quarkus.") && !key.equals("health-enabled")) {
                config.put(key, value);
            }
        });
        config.putAll(own);
        return config;
    }
}

package org.newspipeline.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a secured broker asks of its clients: TLS, checked against the local stack's certificate,
 * and a SCRAM-SHA-512 login.
 */
public record KafkaSecurity(TlsMaterial tls, String user, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /** The Kafka client settings (security.protocol, sasl.*, ssl.*). */
    public Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        settings.put("ssl.truststore.type", "PKCS12");
        settings.put("ssl.truststore.location", tls.truststore().toString());
        settings.put("ssl.truststore.password", tls.password());
        return settings;
    }
}

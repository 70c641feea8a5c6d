package org.newspipeline.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.newspipeline.contract.Topics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the pipeline's topics, with enough partitions for several consumers of each group and
 * room for the largest record the pipeline makes; topics made by an older version get that room too.
 * {@code articles.enriched} is kept for ever: the search index is a view of it, rebuilt by reading it
 * whole (with the broker's default retention, a rebuild would keep only the last week).
 */
public final class TopicSetup {

    public static final int PARTITIONS = 6;

    private TopicSetup() {
    }

    public static void ensureTopics(String bootstrapServers) throws Exception {
        ensureTopics(bootstrapServers, Map.of());
    }

    /** @param settings Kafka client settings besides the servers (a secured broker's, {@link Infrastructure#kafkaSettings()}) */
    public static void ensureTopics(String bootstrapServers, Map<String, String> settings) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            String.valueOf(maxMessageBytes(t)), TopicConfig.RETENTION_MS_CONFIG, retention(t))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            Map<ConfigResource, Collection<AlterConfigOp>> sizes = new HashMap<>();
            for (String topic : Topics.ALL) {
                sizes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes(topic))),
                        AlterConfigOp.OpType.SET), new AlterConfigOp(
                        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retention(topic)), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(sizes).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** -1 (for ever) for articles.enriched; the broker's default (a week) for the others. */
    static String retention(String topic) {
        return topic.equals(Topics.ENRICHED) ? "-1" : String.valueOf(TimeUnit.DAYS.toMillis(7));
    }

    /** Dead-letter topics take a whole record of their topic plus the headers that say why. */
    static int maxMessageBytes(String topic) {
        return topic.equals(Topics.RAW_DLQ) || topic.equals(Topics.ENRICHED_DLQ)
                ? Topics.MAX_DEAD_LETTER_BYTES : Topics.MAX_RECORD_BYTES;
    }
}

package org.newspipeline.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The part of {@code kafka-topics.sh} the compose file uses ({@code --list}; {@code --create
 * --if-not-exists --topic T --partitions N --replication-factor R --config k=v}), for the offline
 * Kafka image, which has the Kafka jars but not Kafka's scripts; and {@code --describe-group G},
 * which prints who owns each partition (as {@code kafka-consumer-groups.sh --describe} would).
 */
public final class TopicsCommand {

    private TopicsCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Map<String, String> configs = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list", "--create", "--if-not-exists" -> options.put(args[i], "");
                case "--config" -> {
                    String[] kv = args[++i].split("=", 2);
                    configs.put(kv[0], kv[1]);
                }
                default -> options.put(args[i], args[++i]);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap-server")))) {
            if (options.containsKey("--describe-group")) {
                String group = options.get("--describe-group");
                var members = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members();
                members.forEach(m -> m.assignment().topicPartitions().stream().sorted(
                                Comparator.comparing(TopicPartition::toString))
                        .forEach(p -> System.out.println(p + " " + m.host() + " " + m.consumerId())));
                return;
            }
            if (options.containsKey("--list")) {
                admin.listTopics().names().get(30, TimeUnit.SECONDS).forEach(System.out::println);
                return;
            }
            String topic = options.get("--topic");
            if (options.containsKey("--if-not-exists") && admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Integer.parseInt(options.get("--partitions")),
                    Short.parseShort(options.get("--replication-factor"))).configs(configs))).all().get(30, TimeUnit.SECONDS);
            System.out.println("Created topic " + topic + ".");
        }
    }
}

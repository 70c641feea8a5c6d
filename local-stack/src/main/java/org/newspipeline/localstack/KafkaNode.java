package org.newspipeline.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A KRaft broker for the offline container image (containers/kafka), configured like the official
 * apache/kafka image: every {@code KAFKA_FOO_BAR} variable is the setting {@code foo.bar}. The log
 * directory is formatted on first start ({@code CLUSTER_ID} or a random id).
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = settings(System.getenv());
        props.putIfAbsent("log.dirs", "/var/lib/kafka/data");
        String logDir = props.getProperty("log.dirs").split(",")[0];
        Files.createDirectories(Path.of(logDir));
        KafkaConfig config = new KafkaConfig(props, false);
        if (!Files.exists(Path.of(logDir, "meta.properties"))) {
            new Formatter()
                    .setClusterId(System.getenv().getOrDefault("CLUSTER_ID", Uuid.randomUuid().toString()))
                    .setNodeId(Integer.parseInt(props.getProperty("node.id")))
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(props.getProperty("controller.listener.names").split(",")[0])
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-node-stop"));
        server.startup();
        stopped.await();
    }

    /** {@code KAFKA_NODE_ID=1} → {@code node.id=1}, as the official image reads its environment. */
    static Properties settings(Map<String, String> env) {
        Properties props = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.equals("KAFKA_HEAP_OPTS") && !name.equals("KAFKA_OPTS")) {
                props.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }
}

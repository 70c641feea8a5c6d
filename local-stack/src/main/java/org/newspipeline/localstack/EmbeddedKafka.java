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
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started from the Kafka jars: no Docker, no ZooKeeper. Its controller listener is plaintext, on a
 * random loopback port that only the broker itself uses.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A plaintext broker: {@link #start(int, Path, int, KafkaSecurity)} without security. */
    public static EmbeddedKafka start(int port, Path logDir, int defaultPartitions) throws Exception {
        return start(port, logDir, defaultPartitions, null);
    }

    /**
     * Starts a broker on {@code port} that keeps its log in {@code logDir}; an already formatted
     * directory is reused, so records survive a restart.
     *
     * @param security null for a plaintext listener; else the listener is SASL_SSL (TLS with the
     *                 local stack's certificate, SCRAM-SHA-512), the broker's own connections to
     *                 itself included, and the user is made when the log directory is formatted
     *                 (a secured broker keeps a log directory of its own)
     */
    public static EmbeddedKafka start(int port, Path logDir, int defaultPartitions, KafkaSecurity security) throws Exception {
        Files.createDirectories(logDir);
        int controllerPort = Ports.free();
        String listener = security == null ? "PLAINTEXT" : "SASL_SSL";
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", listener + "://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", listener);
        if (security != null) {
            String scram = "listener.name.sasl_ssl." + KafkaSecurity.MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".";
            props.put("sasl.enabled.mechanisms", KafkaSecurity.MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", KafkaSecurity.MECHANISM);
            // The broker logs in to itself as the same user its clients use.
            props.put(scram + "sasl.jaas.config", security.clientSettings().get("sasl.jaas.config"));
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.keystore.location", security.tls().keystore().toString());
            props.put("ssl.keystore.password", security.tls().password());
            props.put("ssl.key.password", security.tls().password());
            props.put("ssl.truststore.type", "PKCS12");
            props.put("ssl.truststore.location", security.tls().truststore().toString());
            props.put("ssl.truststore.password", security.tls().password());
        }
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(defaultPartitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB dedupe buffer is allocated up front; the stack does not need it.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(props, false);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setScramArguments(security == null ? List.of() : List.of(KafkaSecurity.MECHANISM
                            + "=[name=" + security.user() + ",password=" + security.password() + "]"))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

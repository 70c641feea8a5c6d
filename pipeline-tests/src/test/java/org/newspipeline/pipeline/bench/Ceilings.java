package org.newspipeline.pipeline.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.localstack.Infrastructure;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardsticks of PERFORMANCE.md measured again in the benchmark's own run, on its own broker and
 * PostgreSQL, so that a figure and its ceiling share the machine's mood: Kafka's produce rate, a
 * bare PostgreSQL COPY into a full-text-indexed table, and the enricher alone in a JVM.
 */
final class Ceilings {

    private static final int KAFKA_RECORDS = 20_000;
    private static final int RECORD_BYTES = 4096;

    private Ceilings() {
    }

    /** 4 KB records, acks=all and idempotence, to a scratch topic of 6 partitions: records per second. */
    static double kafkaProduce(String bootstrapServers) throws Exception {
        String topic = "ceiling-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            byte[] value = new byte[RECORD_BYTES];
            Arrays.fill(value, (byte) 'x');
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
                long start = System.nanoTime();
                for (int i = 0; i < KAFKA_RECORDS; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, value));
                }
                producer.flush();
                return KAFKA_RECORDS / ((System.nanoTime() - start) / 1e9);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * One COPY stream of (title, body) rows into a scratch table whose weighted tsvector (title A,
     * body B) is generated and GIN-indexed, as PERFORMANCE.md measures it: rows per second.
     */
    static double postgresCopy(Infrastructure infra, List<String[]> titleAndBody) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            c.createStatement().execute("CREATE TABLE ceiling_copy (title text, body text, tsv tsvector GENERATED ALWAYS AS ("
                    + "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')) STORED)");
            try {
                c.createStatement().execute("CREATE INDEX ON ceiling_copy USING gin (tsv)");
                StringBuilder tsv = new StringBuilder();
                for (String[] row : titleAndBody) {
                    tsv.append(copyField(row[0])).append('\t').append(copyField(row[1])).append('\n');
                }
                long start = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY ceiling_copy (title, body) FROM STDIN", new StringReader(tsv.toString()));
                return titleAndBody.size() / ((System.nanoTime() - start) / 1e9);
            } finally {
                c.createStatement().execute("DROP TABLE ceiling_copy");
            }
        }
    }

    private static String copyField(String s) {
        return s == null ? "\\N" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * The enricher alone (enrich-service's InProcessThroughput, in a JVM with the service's heap) on
     * the very texts the service gets: its output, which ends with the rate on 1 and on 2 threads.
     */
    static List<String> enricherInProcess(Path repoRoot, String heap, List<String> texts) throws Exception {
        Path file = Files.createTempFile("enricher-texts", ".json");
        ContractJson.mapper().writeValue(file.toFile(), texts);
        ProcessBuilder mvn = new ProcessBuilder(repoRoot.resolve("mvnw").toString(), "-q", "-pl", "enrich-service", "test-compile",
                "exec:java", "-Dexec.classpathScope=test", "-Dexec.mainClass=org.newspipeline.enrich.eval.InProcessThroughput",
                "-Dexec.args=" + file).directory(repoRoot.toFile()).redirectErrorStream(true);
        mvn.environment().put("MAVEN_OPTS", "-Xmx" + heap);
        Process p = mvn.start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines()
                .filter(l -> l.startsWith("in-process")).toList();
        if (p.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("InProcessThroughput did not run (exit " + p.exitValue() + ")");
        }
        Files.delete(file);
        return lines;
    }

    /** The articles/s figure of an {@link #enricherInProcess} line. */
    static double rate(String line) {
        return number(line, "(\\d+) articles/s");
    }

    /** The articles per CPU-second (of the whole JVM, GC and JIT included) of an {@link #enricherInProcess} line. */
    static double perCpuSecond(String line) {
        return number(line, "(\\d+) per CPU-second");
    }

    private static double number(String line, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no '" + pattern + "' in: " + line);
        }
        return Double.parseDouble(m.group(1));
    }
}

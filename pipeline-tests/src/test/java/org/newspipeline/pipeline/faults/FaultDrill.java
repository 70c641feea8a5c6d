package org.newspipeline.pipeline.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.DatabaseControl;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Folders;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.KafkaControl;
import org.newspipeline.localstack.PipelineServices;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.TopicSetup;
import org.newspipeline.testing.TestTopics;
import org.newspipeline.testing.WebhookReceiver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole pipeline (embedded broker, durable PostgreSQL, the three packaged services under their
 * supervisor) takes N unique articles through the batch API, with poison mixed in at every edge,
 * while one fault after another hits it: each service killed with SIGKILL, the broker stopped and
 * started, PostgreSQL stopped in immediate mode and started. The loader behaves like a client
 * should: a line that was not acknowledged is sent again. The report says what arrived.
 */
public final class FaultDrill {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int BATCH_LINES = 250;
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    /**
     * @param readySeconds   from the fault until every service answered ready again
     * @param flowingSeconds from the fault until articles were being stored again after that
     */
    public record FaultResult(String fault, double readySeconds, double flowingSeconds) {
    }

    /**
     * @param stored        the loaded articles materialized (by id)
     * @param storedRows    rows that carry the run's marker: more than {@code stored} would be duplicates
     * @param goodDeadLettered loaded articles found in a dead-letter topic
     * @param poisonMissing poison records not found in their dead-letter topic
     * @param edgeRefusals  what each poison request to ingest was answered with
     */
    public record Report(int articles, int stored, int storedRows, int goodDeadLettered, List<FaultResult> faults,
                         List<String> poisonMissing, Map<String, Integer> edgeRefusals, String gaveUp, double seconds,
                         Webhooks webhooks) {

        public void print() {
            System.out.printf("fault drill: %,d articles in %.0f s%n", articles, seconds);
            System.out.printf("  %-34s %8s %10s %6s %10s %14s%n", "fault", "ready s", "storing s", "lost", "duplicated",
                    "dead-lettered");
            for (FaultResult f : faults) {
                System.out.printf("  %-34s %8.1f %10.1f %6d %10d %14d%n", f.fault(), f.readySeconds(), f.flowingSeconds(),
                        articles - stored, storedRows - stored, goodDeadLettered);
            }
            System.out.printf("  poison at the edge answered: %s%n", edgeRefusals);
            System.out.printf("  poison records not in a dead-letter topic: %s%n", poisonMissing);
            System.out.printf("  webhook of a saved search: %,d matching articles, %,d delivered (%,d posts: %,d again), %,d"
                    + " delivered again under another webhook-id, %,d bad signatures, %,d not matching delivered%n",
                    webhooks.matching(), webhooks.delivered(), webhooks.posts(), webhooks.posts() - webhooks.delivered(),
                    webhooks.idMismatches(), webhooks.badSignatures(), webhooks.notMatching());
        }
    }

    /**
     * What a saved search's webhook received: every matching article is to be delivered at least
     * once, a repeat with the same {@code webhook-id}, every post signed, nothing else.
     *
     * @param matching     acknowledged articles that match the search
     * @param delivered    of those, delivered
     * @param posts        posts received (repeats included)
     * @param idMismatches articles posted under more than one webhook-id
     * @param notMatching  posted articles that are not among the matching ones
     */
    public record Webhooks(int matching, int delivered, int posts, int idMismatches, int badSignatures, int notMatching) {
    }

    private final Path dir;
    private final Infrastructure infra;
    private final PipelineServices services;
    private final PipelineServices.Ports ports;
    private final String run = "drill" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<String> gaveUp = new AtomicReference<>();
    /** Acknowledged articles that mention Belarus: the drill's saved search matches them and nothing else. */
    private final Set<String> matching = ConcurrentHashMap.newKeySet();
    private final WebhookReceiver hook = new WebhookReceiver(() -> 200);

    private FaultDrill(Path repoRoot) throws Exception {
        dir = Files.createTempDirectory("fault-drill");
        infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", true);
        TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
        ports = new PipelineServices.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), List.of(), List.of(Ports.free()));
        // The webhook receiver listens on loopback, which only a setting lets a saved search post to.
        services = PipelineServices.start(repoRoot, infra, ports, PipelineServices.LOOPBACK, null, dir,
                (service, why) -> gaveUp.set(why), Map.of("QUERY_ALERTS_ALLOW_PRIVATE_TARGETS", "true"));
    }

    public static Report run(Path repoRoot, int articles) throws Exception {
        FaultDrill drill = new FaultDrill(repoRoot);
        try {
            return drill.drill(articles);
        } finally {
            drill.hook.close();
            drill.services.close();
            drill.infra.close();
            Folders.delete(drill.dir);
        }
    }

    private Report drill(int articles) throws Exception {
        long start = System.nanoTime();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> edge = refusedAtTheEdge();
        List<String[]> poison = poisonOnTheTopics();
        JsonNode search = saveSearch();
        Thread loader = new Thread(() -> load(articles, acknowledged), "loader");
        loader.start();

        KafkaControl kafka = infra.kafkaControl().orElseThrow();
        DatabaseControl database = infra.databaseControl().orElseThrow();
        List<FaultResult> faults = new ArrayList<>();
        List<Runnable> injections = List.of(
                () -> kill("enrich-service"), () -> kill("query-service-2"), () -> kill("query-service"), () -> kill("ingest-service"),
                () -> kill("query-service-2"), () -> outage(kafka::stop, kafka::start),
                () -> outage(database::stopImmediately, database::start));
        List<String> names = List.of("enrich-service SIGKILL", "query-service-2 SIGKILL", "query-service SIGKILL",
                "ingest-service SIGKILL", "query-service-2 SIGKILL again", "Kafka broker stopped " + OUTAGE.toSeconds() + " s",
                "PostgreSQL immediate stop " + OUTAGE.toSeconds() + " s");
        for (int i = 0; i < injections.size(); i++) {
            int threshold = articles * (i + 1) / (injections.size() + 2);
            while (acknowledged.size() < threshold && loader.isAlive()) {
                Thread.sleep(100);
            }
            long at = System.nanoTime();
            injections.get(i).run();
            sleep(Duration.ofSeconds(1)); // a killed service's port may still answer for a moment
            awaitAllReady(Duration.ofMinutes(3));
            double ready = (System.nanoTime() - at) / 1e9;
            awaitStoring(articles, Duration.ofMinutes(3));
            faults.add(new FaultResult(names.get(i), ready, (System.nanoTime() - at) / 1e9));
        }
        loader.join();
        awaitAllReady(Duration.ofMinutes(2));
        awaitProbeSearchable(Duration.ofMinutes(5));

        int[] stored = awaitStored(acknowledged, Duration.ofMinutes(Math.max(5, articles / 1000)));
        Set<String> deadKeys = keysOf(Topics.RAW_DLQ);
        deadKeys.addAll(keysOf(Topics.ENRICHED_DLQ));
        int goodDead = (int) acknowledged.stream().filter(deadKeys::contains).count();
        List<String> missing = poison.stream().filter(p -> !keysOf(p[1]).contains(p[0])).map(p -> p[2]).toList();
        Webhooks webhooks = awaitDelivered(search.path("secret").asText(), Duration.ofMinutes(Math.max(3, articles / 2000)));
        return new Report(articles, stored[0], stored[1], goodDead, faults, missing, edge, gaveUp.get(),
                (System.nanoTime() - start) / 1e9, webhooks);
    }

    // ---- the saved search --------------------------------------------------------------------

    private JsonNode saveSearch() throws Exception {
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.query() + "/searches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"drill\",\"search\":{\"q\":\"Belarus\"},\"webhook\":{\"url\":\"" + hook.url() + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() != 201) {
            throw new IllegalStateException("the search was not saved: " + saved.statusCode() + " " + saved.body());
        }
        return JSON.readTree(saved.body());
    }

    /** Waits until every matching article was posted (or the time is up), then tells what came. */
    private Webhooks awaitDelivered(String secret, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Set<String>> webhookIds = new HashMap<>();
        int badSignatures = 0;
        int seen = 0;
        while (true) {
            List<WebhookReceiver.Post> posts = List.copyOf(hook.taken);
            for (WebhookReceiver.Post post : posts.subList(seen, posts.size())) {
                webhookIds.computeIfAbsent(JSON.readTree(post.body()).path("article").path("id").asText(), k -> new HashSet<>())
                        .add(post.id());
                badSignatures += post.signedWith(secret) ? 0 : 1;
            }
            seen = posts.size();
            if (webhookIds.keySet().containsAll(matching) || System.nanoTime() > deadline) {
                int delivered = (int) matching.stream().filter(webhookIds::containsKey).count();
                int mismatches = (int) webhookIds.values().stream().filter(ids -> ids.size() > 1).count();
                int notMatching = (int) webhookIds.keySet().stream().filter(id -> !matching.contains(id)).count();
                return new Webhooks(matching.size(), delivered, seen, mismatches, badSignatures, notMatching);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    // ---- load --------------------------------------------------------------------------------

    private void load(int articles, Set<String> acknowledged) {
        for (int from = 0; from < articles; from += BATCH_LINES) {
            List<String> lines = new ArrayList<>();
            for (int i = from; i < Math.min(articles, from + BATCH_LINES); i++) {
                // One in five is about other talks: the saved search must never post those.
                String talks = i % 5 == 4 ? "Russia and Kazakhstan in Astana" : "Russia and Belarus in Minsk";
                lines.add("{\"title\":\"Drill story " + i + "\",\"body\":\"MOSCOW, May 26. /TASS/. Story " + i + " of run "
                        + run + " about talks between " + talks + ".\"}");
            }
            while (!lines.isEmpty()) {
                lines = sendBatch(lines, acknowledged);
                if (!lines.isEmpty()) {
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** @return the lines to send again (not acknowledged: unavailable, or the request failed) */
    private List<String> sendBatch(List<String> lines, Set<String> acknowledged) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingest("/articles/batch")))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return lines;
            }
            List<String> again = new ArrayList<>();
            for (JsonNode line : JSON.readTree(response.body()).get("lines")) {
                String status = line.get("status").asText();
                if (status.equals("accepted") || status.equals("duplicate")) {
                    acknowledged.add(line.get("id").asText());
                    if (lines.get(line.get("line").asInt() - 1).contains("Belarus")) {
                        matching.add(line.get("id").asText());
                    }
                } else if (status.equals("unavailable")) {
                    again.add(lines.get(line.get("line").asInt() - 1));
                } else {
                    throw new IllegalStateException("a good line was refused: " + line);
                }
            }
            return again;
        } catch (IOException e) {
            return lines; // ingest is down or restarting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- poison ------------------------------------------------------------------------------

    /** Requests ingest must refuse with a 4xx problem, whatever happens around it. */
    private Map<String, Integer> refusedAtTheEdge() throws Exception {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("date +294277", "{\"body\":\"x\",\"publishedAt\":\"+294277-01-01T00:00:00Z\"}");
        json.put("date -5000", "{\"body\":\"x\",\"publishedAt\":\"-5000-01-01T00:00:00Z\"}");
        json.put("lone surrogate", "{\"body\":\"a \\uD800 b\"}");
        json.put("NUL", "{\"body\":\"a \\u0000 b\"}");
        json.put("body not a string", "{\"body\":42}");
        json.put("body over 1 MiB", "{\"body\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}");
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (var e : json.entrySet()) {
            answers.put(e.getKey(), post("/articles", "application/json", e.getValue()).statusCode());
        }
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i <= 5000; i++) {
            tooMany.append("{\"body\":\"line ").append(i).append("\"}\n");
        }
        answers.put("batch of 5,001 lines", post("/articles/batch", "application/x-ndjson", tooMany.toString()).statusCode());
        return answers;
    }

    /** Records another producer (kcat, a buggy client) could write: each must end in the right DLQ. */
    private List<String[]> poisonOnTheTopics() throws Exception {
        byte[] random = new byte[12_000];
        new SecureRandom().nextBytes(random);
        String enriched = """
                {"schemaVersion":1,"id":"%s","enrichmentVersion":1,"origin":"http","body":"Body","title":"T",
                 "entities":[{"name":"%s","type":"PERSON"}]}""";
        String raw = """
                {"schemaVersion":%d,"id":"%s","origin":"http","receivedAt":"2024-01-01T00:00:00Z","body":"%s"%s}""";
        List<String[]> cases = new ArrayList<>();
        Map<String, String[]> records = new LinkedHashMap<>();
        records.put("raw: not JSON", new String[]{Topics.RAW, "{not json"});
        records.put("raw: year 294277", new String[]{Topics.RAW, raw.formatted(1, "%ID%", "b", ",\"publishedAt\":\"+294277-01-01T00:00:00Z\"")});
        records.put("raw: lone surrogate", new String[]{Topics.RAW, raw.formatted(1, "%ID%", "a \\uD800", "")});
        records.put("raw: NUL", new String[]{Topics.RAW, raw.formatted(1, "%ID%", "a \\u0000", "")});
        records.put("raw: schema 99", new String[]{Topics.RAW, raw.formatted(99, "%ID%", "b", "")});
        records.put("enriched: not JSON", new String[]{Topics.ENRICHED, "[]"});
        records.put("enriched: name no index holds", new String[]{Topics.ENRICHED, enriched.formatted("%ID%", HexFormat.of().formatHex(random))});
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (var e : records.entrySet()) {
                String key = "poison-" + run + "-" + cases.size();
                producer.send(new ProducerRecord<>(e.getValue()[0], key,
                        e.getValue()[1].replace("%ID%", key).getBytes(StandardCharsets.UTF_8))).get();
                cases.add(new String[]{key, e.getValue()[0] + ".dlq", e.getKey()});
            }
        }
        return cases;
    }

    // ---- faults ------------------------------------------------------------------------------

    private void kill(String module) {
        ProcessHandle.of(services.service(module).pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static void outage(Runnable stop, Runnable start) {
        stop.run();
        sleep(OUTAGE);
        start.run();
    }

    /** Posts an article (again, until ingest takes it) and waits until the search finds it. */
    private void awaitProbeSearchable(Duration timeout) throws Exception {
        String word = "probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            check(deadline, "ingest never took the probe article");
            try {
                int status = post("/articles", "text/plain", "MINSK, May 26. /BelTA/. A probe " + word + ".").statusCode();
                if (status == 202 || status == 200) {
                    break;
                }
            } catch (IOException down) {
                // restarting
            }
            sleep(Duration.ofMillis(500));
        }
        while (true) {
            check(deadline, "the probe article " + word + " never became searchable");
            try {
                HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.query()
                        + "/articles?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                if (found.statusCode() == 200 && JSON.readTree(found.body()).get("total").asInt() == 1) {
                    return;
                }
            } catch (IOException down) {
                // restarting
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Waits until the number of stored articles grows, or all of the run's articles are stored. */
    private void awaitStoring(int articles, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long before = -1;
        while (true) {
            check(deadline, "no article was stored after the fault");
            try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
                 PreparedStatement ours = c.prepareStatement("SELECT count(*) FROM article WHERE body LIKE ?")) {
                ours.setString(1, "%" + run + "%");
                long now = count(ours);
                if (now >= articles || (before >= 0 && now > before)) {
                    return;
                }
                before = now;
            } catch (SQLException away) {
                // PostgreSQL still starting
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private void awaitAllReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> all = new ArrayList<>(List.of(ports.query(), ports.ingest(), ports.enrich()));
        all.addAll(ports.moreQuery());
        for (int port : all) {
            while (true) {
                check(deadline, "a service on port " + port + " did not become ready again");
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException down) {
                    // restarting
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    // ---- what arrived ------------------------------------------------------------------------

    /** @return {stored ids among the acknowledged, rows carrying the run's marker} */
    private int[] awaitStored(Set<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
             PreparedStatement byId = c.prepareStatement("SELECT count(*) FROM article WHERE id = ANY(?)");
             PreparedStatement byMarker = c.prepareStatement("SELECT count(*) FROM article WHERE body LIKE ?")) {
            Array array = c.createArrayOf("text", ids.toArray());
            byId.setArray(1, array);
            byMarker.setString(1, "%" + run + "%");
            int stored;
            do {
                stored = count(byId);
                if (stored < ids.size()) {
                    sleep(Duration.ofSeconds(1));
                }
            } while (stored < ids.size() && System.nanoTime() < deadline);
            return new int[]{stored, count(byMarker)};
        }
    }

    private static int count(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Set<String> keysOf(String topic) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        TestTopics.readAll(infra.kafkaBootstrapServers(), topic, r -> keys.add(String.valueOf(r.key())));
        return keys;
    }

    // ---- small helpers -----------------------------------------------------------------------

    private String ingest(String path) {
        return "http://localhost:" + ports.ingest() + path;
    }

    private HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ingest(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(long deadline, String failure) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(failure);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

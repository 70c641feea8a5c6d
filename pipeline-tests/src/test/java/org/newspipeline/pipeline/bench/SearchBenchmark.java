package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.ContractSerializer;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.SearchNodeProcess;
import org.newspipeline.localstack.ServiceProcess;
import org.newspipeline.localstack.TopicSetup;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads 100,000 articles (the Reuters-21578 stories from {@code ../shared/data}, repeated with varied
 * ids and dates; or, with the argument {@code distinct}, articles recombined from three different
 * stories each, so that no two are alike) through Kafka into query-service (PostgreSQL and the
 * OpenSearch index), then prints the load and indexing rates, p50/p99 latency of representative
 * searches over HTTP, whether page 1 is the engine's exact top 10, the export of every article
 * (rows/s, query-service's heap) and the rate of a rebuild from the topic. Run after
 * a package:
 * <pre>./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.mainClass=org.newspipeline.pipeline.bench.SearchBenchmark -Dexec.classpathScope=test</pre>
 */
public final class SearchBenchmark {

    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);
    static final int RUNS = 100;
    /** A fresh JVM interprets at first: every query runs this often before any is measured. */
    static final int WARM_UP = 30;
    /** The text query classes whose ranking is scored. */
    static final List<Map.Entry<String, String>> TEXT_QUERIES = List.of(Map.entry("rare term", "coffee quota Colombia"),
            Map.entry("common term", "oil"), Map.entry("phrase", "\"oil prices\""), Map.entry("most rows", "said"));

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Flags anywhere: "fast" loads without fsync (what durability costs), "distinct" recombines stories.
        List<String> flags = Arrays.stream(args).filter(a -> a.equals("fast") || a.equals("distinct")).toList();
        args = Arrays.stream(args).filter(a -> !flags.contains(a)).toArray(String[]::new);
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean distinct = flags.contains("distinct");
        Path reuters = Bench.sharedData().resolve("reuters21578");
        if (!Files.isDirectory(reuters)) {
            System.err.println("Reuters data not found at " + reuters + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        // A second argument keeps the loaded stack in that folder, so that later runs only measure queries.
        Path dir = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : Files.createTempDirectory("search-bench");
        boolean loaded = Files.isDirectory(dir.resolve("postgres"));
        boolean durable = !flags.contains("fast");
        System.out.printf("PostgreSQL %s; corpus %s%n", durable ? "durable (fsync, synchronous commit)" : "fast (no fsync)",
                distinct ? "distinct (each article recombined from three stories)" : "repeating (each story again every ~10,000 articles, dates moved)");
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, false, "news", durable)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            long produceStart = System.nanoTime();
            List<EnrichedArticle> stories = load(reuters);
            if (!loaded) {
                produce(infra, stories, articles, distinct);
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            int port = Ports.free();
            int searchPort = Ports.free();
            long loadStart = System.nanoTime();
            try (ServiceProcess search = SearchNodeProcess.start(Bench.repoRoot(), "127.0.0.1", searchPort, dir.resolve("search"),
                    dir.resolve("logs"));
                 ServiceProcess query = ServiceProcess.start(Bench.repoRoot(), "query-service", "query-service", port, Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(), "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(), "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword(),
                    "QUERY_INDEX_URLS", "http://127.0.0.1:" + searchPort),
                    ServiceProcess.jvmOptions("query-service"), dir.resolve("logs"))) {
                search.awaitReady(Duration.ofSeconds(90));
                query.awaitReady(Duration.ofSeconds(60));
                // Each at its own pace (two consumer groups): the index is usually done first.
                awaitIndexed(query.url(), articles);
                double indexSeconds = (System.nanoTime() - loadStart) / 1e9;
                awaitRows(infra, articles);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("indexed in OpenSearch after %.1f s (%,.0f articles/s, beside the PostgreSQL load), stored in"
                        + " PostgreSQL after %.1f s; OpenSearch resident memory: %,d MB (heap %s)%n", indexSeconds,
                        articles / indexSeconds, loadSeconds, search.residentMb(), SearchNodeProcess.HEAP);
                if (loaded) {
                    System.out.printf("reused the %,d articles already loaded in %s%n", articles, dir);
                } else {
                    System.out.printf("produced %,d enriched articles to Kafka in %.1f s; materialized into PostgreSQL at %,.0f articles/s%n",
                        articles, produceSeconds, articles / loadSeconds);
                }
                System.out.printf("query-service resident memory after the load: %,d MB (%s, as the local stack runs it)%n",
                        query.residentMb(), String.join(" ", ServiceProcess.jvmOptions("query-service")));
                measure(query.url());
                exactTopTen(query.url(), "http://127.0.0.1:" + searchPort);
                ExportMeasurement.measure(query.url(), "http://127.0.0.1:" + searchPort);
                rebuild(query.url());
                System.out.printf("OpenSearch resident memory after the rebuild: %,d MB%n", search.residentMb());
                System.out.printf("query-service resident memory after the searches: %,d MB; OpenSearch: %,d MB%n",
                        query.residentMb(), search.residentMb());
                double copy = Ceilings.postgresCopy(infra, stories.stream().limit(10_000)
                        .map(a -> new String[] {a.title(), a.body()}).toList());
                System.out.printf("PostgreSQL COPY ceiling measured now (10,000 stories into a GIN-indexed weighted tsvector, one stream):"
                        + " %,.0f rows/s%s%n", copy, loaded ? "" : String.format("; the load ran at %.2f of it", articles / loadSeconds / copy));
            }
        }
    }

    static void measure(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("rare term", "q=coffee+quota+Colombia");
        queries.put("common term", "q=oil");
        queries.put("phrase", "q=" + URLEncoder.encode("\"oil prices\"", StandardCharsets.UTF_8));
        queries.put("most rows", "q=said");
        queries.put("entity filter", "entity=opec");
        queries.put("entity + text", "entity=usa&q=trade");
        queries.put("date sort", "q=oil&sort=date");
        queries.put("recent", "q=oil&sort=recent");
        queries.put("filters", "q=oil&source=Reuters&from=1987-03-01&to=1987-03-31");
        queries.put("one per story", "q=oil&collapse=story");
        String firstPage = http.send(HttpRequest.newBuilder(URI.create(base + "/articles?q=oil&sort=date&limit=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode page = ContractJson.mapper().readTree(firstPage);
        String cursor = page.path("next").asText();
        for (int i = 0; i < 10 && !cursor.isEmpty(); i++) {
            JsonNode next = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(
                    base + "/articles?q=oil&sort=date&limit=100&cursor=" + cursor)).build(), HttpResponse.BodyHandlers.ofString()).body());
            cursor = next.path("next").asText();
        }
        queries.put("deep page (11th of 100)", "q=oil&sort=date&limit=100&cursor=" + cursor);
        for (int i = 0; i < WARM_UP; i++) {
            for (String q : queries.values()) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/articles?" + q)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        System.out.printf("%d runs each after %d warm-up rounds of all queries; every answer includes total and facets%n", RUNS, WARM_UP);
        for (var q : queries.entrySet()) {
            URI uri = URI.create(base + "/articles?" + q.getValue());
            long total = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("total").asLong();
            System.out.printf("  %-24s %s   (%,d matches)%n", q.getKey(), latencies(http, uri, q.getKey()), total);
        }
        // The search page renders the same first page with its facets and the timeline, as HTML.
        System.out.println("search page (GET /?..., server-side render of the first page, one hit per story, with facets; its"
                + " timeline and its stories' details load after it):");
        for (var q : queries.entrySet()) {
            if (!q.getKey().startsWith("deep page")) {
                URI uri = URI.create(base + "/?" + q.getValue());
                System.out.printf("  %-24s %s%n", q.getKey(), latencies(http, uri, q.getKey()));
            }
        }
        System.out.printf("  %-24s %s%n", "its stories' details", latencies(http, URI.create(base + "/story-more?q=oil"), "story details"));
        underLoad(http, base, List.copyOf(queries.values()));
    }

    /** p50/p99 of {@code RUNS} requests after five to warm the plan up; fails on any answer but 200. */
    private static String latencies(HttpClient http, URI uri, String name) throws Exception {
        for (int i = 0; i < 5; i++) {
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        return Bench.percentiles(nanos);
    }

    /** The same queries from several clients at once, in turn: throughput, and latency while the cores are busy. */
    static void underLoad(HttpClient http, String base, List<String> queries) throws Exception {
        int clients = 4;
        int perClient = 5 * RUNS;
        long[] nanos = new long[clients * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        URI uri = URI.create(base + "/articles?" + queries.get((client + i) % queries.size()));
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                        nanos[client * perClient + i] = System.nanoTime() - t;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + r.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (var r : running) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d clients at once, all queries in turn: %,.0f searches/s, %s%n", clients, nanos.length / seconds,
                Bench.percentiles(nanos));
    }

    static List<EnrichedArticle> load(Path folder) throws Exception {
        List<EnrichedArticle> stories = new ArrayList<>();
        for (JsonNode a : Bench.reuters(folder)) {
            String body = a.path("body").asText();
            Instant date = LocalDate.parse(a.path("date").asText().strip().split(" ")[0], DATE)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Entity> entities = new ArrayList<>();
            a.path("places").forEach(p -> entities.add(new Entity(p.asText(), Entity.Type.LOCATION, List.of(), null, List.of(), 0.5)));
            a.path("orgs").forEach(o -> entities.add(new Entity(o.asText(), Entity.Type.ORGANIZATION, List.of(), null, List.of(), 0.5)));
            stories.add(new EnrichedArticle(1, "x", 1, Instant.now(), "bench", date, null,
                    a.path("title").asText(""), body, "en",
                    new EnrichedArticle.Source("Reuters", EnrichedArticle.Source.Kind.AGENCY, EnrichedArticle.Source.Evidence.CREDIT),
                    null, date, null, entities, List.of()));
        }
        return stories;
    }

    static void produce(Infrastructure infra, List<EnrichedArticle> stories, int count, boolean distinct) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ContractSerializer())) {
            for (int i = 0; i < count; i++) {
                EnrichedArticle s = distinct ? recombined(stories, i) : stories.get(i % stories.size());
                String id = "r" + i;
                // Later rounds move in time so that dates, months and pages spread like a growing archive.
                Instant shifted = s.publishedAt().plus(Duration.ofDays(7L * (i / stories.size())));
                producer.send(new ProducerRecord<>(Topics.ENRICHED, id, new EnrichedArticle(1, id, 1, s.enrichedAt(), s.origin(),
                        shifted, null, s.title(), s.body(), s.language(), s.source(), null, shifted, null, s.entities(), List.of())));
            }
            producer.flush();
        }
    }

    /**
     * Article {@code i} of the distinct corpus: the title and opening third of story a, the middle
     * third of story b, the last third of story c, and the entities of all three. (a, round) is
     * unique per article and b, c move with the round, so no two articles share all their text.
     */
    static EnrichedArticle recombined(List<EnrichedArticle> stories, int i) {
        int n = stories.size();
        int round = i / n;
        EnrichedArticle a = stories.get(i % n);
        EnrichedArticle b = stories.get((i % n + 1 + 37 * round) % n);
        EnrichedArticle c = stories.get((i % n + 2 + 101 * round) % n);
        String body = third(a.body(), 0) + " " + third(b.body(), 1) + " " + third(c.body(), 2);
        List<Entity> entities = new ArrayList<>(a.entities());
        b.entities().stream().filter(e -> entities.stream().noneMatch(x -> x.name().equals(e.name()))).forEach(entities::add);
        c.entities().stream().filter(e -> entities.stream().noneMatch(x -> x.name().equals(e.name()))).forEach(entities::add);
        return new EnrichedArticle(1, "x", 1, a.enrichedAt(), a.origin(), a.publishedAt(), null, a.title(), body, a.language(),
                a.source(), null, a.publishedAt(), null, entities, List.of());
    }

    /** The first, second or last third of a text's sentences. */
    static String third(String text, int which) {
        String[] sentences = text.split("(?<=\\.)\\s+");
        int from = sentences.length * which / 3;
        int to = Math.max(from + 1, sentences.length * (which + 1) / 3);
        return String.join(" ", Arrays.copyOfRange(sentences, Math.min(from, sentences.length - 1), Math.min(to, sentences.length)));
    }

    /**
     * Whether the API's first page by relevance is the engine's exact top 10: the same text asked of
     * OpenSearch directly, every match scored ({@code track_total_hits}), no facets, best 10 by
     * score then id. The fields and weights are query-service's ({@code IndexQuery}).
     */
    static void exactTopTen(String base, String searchUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("page 1 (sort=relevance) against OpenSearch's exact top 10 of the same text:");
        for (var t : TEXT_QUERIES) {
            JsonNode page = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/articles?limit=10&q="
                    + URLEncoder.encode(t.getValue(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body());
            List<String> api = page.path("items").findValuesAsText("id");
            String body = ContractJson.mapper().writeValueAsString(Map.of("size", 10, "track_total_hits", true, "_source", false,
                    "sort", List.of(Map.of("_score", "desc"), Map.of("id", "asc")),
                    "query", Map.of("simple_query_string", Map.of("query", t.getValue(), "default_operator", "and",
                            "flags", "OR|NOT|PHRASE|WHITESPACE", "fields", List.of("title^3", "entity_names^2", "body",
                                    "title_de^3", "title_en^3", "title_es^3", "title_fr^3", "title_ru^3",
                                    "body_de", "body_en", "body_es", "body_fr", "body_ru")))));
            JsonNode exact = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(searchUrl + "/articles/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            List<String> top = exact.path("hits").path("hits").findValuesAsText("_id");
            System.out.printf("  %-24s %s (%d of 10 the same)%n", t.getKey(), api.equals(top) ? "equal" : "DIFFERENT",
                    api.stream().filter(top::contains).count());
        }
    }

    /**
     * Replays the whole topic into a new index ({@code POST /index/rebuild}): the indexing rate, and
     * whether every text query class gives the same first page afterwards.
     */
    static void rebuild(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (var t : TEXT_QUERIES) {
            before.put(t.getKey(), firstPage(http, base, t.getValue()));
        }
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/index/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        long start = System.nanoTime();
        JsonNode state;
        do {
            Thread.sleep(500);
            state = ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/index")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("rebuild");
        } while (state.path("finished").isNull() || state.path("finished").isMissingNode());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!state.path("failure").isNull()) {
            throw new IllegalStateException("the rebuild failed: " + state);
        }
        System.out.printf("rebuild from the topic: %,d records replayed into a new index in %.1f s (%,.0f articles/s)%n",
                state.path("read").asLong(), seconds, state.path("read").asLong() / seconds);
        Thread.sleep(2000); // the new index's first refresh
        for (var t : TEXT_QUERIES) {
            System.out.printf("  %-24s page 1 after the rebuild: %s%n", t.getKey(),
                    before.get(t.getKey()).equals(firstPage(http, base, t.getValue())) ? "the same" : "DIFFERENT");
        }
    }

    private static List<String> firstPage(HttpClient http, String base, String text) throws Exception {
        return ContractJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/articles?limit=10&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("items").findValuesAsText("id");
    }

    /** Until the search index holds {@code expected} articles ({@code GET /index}). */
    static void awaitIndexed(String base, int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/index")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && ContractJson.mapper().readTree(r.body()).path("documents").asLong() >= expected) {
                return;
            }
            Thread.sleep(500);
        }
    }

    static void awaitRows(Infrastructure infra, int expected) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            while (true) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM article")) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }
}

package org.newspipeline.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.TextSignature;
import org.newspipeline.localstack.EmbeddedInfrastructure;
import org.newspipeline.localstack.Infrastructure;
import org.newspipeline.localstack.PipelineServices;
import org.newspipeline.localstack.Ports;
import org.newspipeline.localstack.TopicSetup;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stories against hand-checked same-event groups ({@code same-event-groups.json}) on a whole local
 * stack: the feeds of {@code ../shared/data/feeds}, served from this machine, are added as sources
 * and polled by ingest (their items keep the feed's text: there is no network to fetch pages from),
 * and the seeds are posted; once query-service has placed every article, its story and copy group
 * are read from PostgreSQL. Prints each pair placed against the labels with what the decision saw
 * (hours apart, shared words, shared main entities), pairwise precision and recall of stories, and
 * the pairs of different texts that share a copy group (none should).
 *
 * <pre>./mvnw -q -pl pipeline-tests test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.newspipeline.pipeline.bench.StoryEvaluation</pre>
 */
public final class StoryEvaluation {

    private static final Pattern ITEM = Pattern.compile("<(item|entry)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern RSS_LINK = Pattern.compile("<link>\\s*(.*?)\\s*</link>", Pattern.DOTALL);
    private static final Pattern ATOM_LINK = Pattern.compile("<link[^>]*href=\"([^\"]+)\"");

    /** Where query-service placed an article, and what it decided that on. */
    private record Placed(String story, String copyGroup, String title, String language, Instant time,
                          Set<String> topEntities, int[] wordHashes) {
    }

    private StoryEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path feeds = Bench.sharedData().resolve("feeds");
        if (!Files.isDirectory(feeds)) {
            System.err.println("feeds not found at " + feeds + " (see ../shared/data/README.md)");
            System.exit(2);
        }
        JsonNode labels;
        try (var in = StoryEvaluation.class.getResourceAsStream("/same-event-groups.json")) {
            labels = ContractJson.mapper().readTree(in);
        }
        Path dir = Files.createTempDirectory("story-evaluation");
        HttpServer server = serve(feeds);
        String site = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        PipelineServices.Ports ports = new PipelineServices.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), List.of());
        // No pages can be fetched here: items keep the feed's text. The feeds are on this machine.
        Map<String, String> ingestSettings = Map.of("INGEST_FETCH_ENABLED", "false", "INGEST_FETCH_ALLOW_PRIVATE_HOSTS", "true",
                "INGEST_FEEDS_POLL_INTERVAL", "10s", "INGEST_FEEDS_MIN_INTERVAL", "10s");
        try (Infrastructure infra = EmbeddedInfrastructure.start(Ports.free(), Ports.free(), dir, true, "news", false)) {
            TopicSetup.ensureTopics(infra.kafkaBootstrapServers());
            try (PipelineServices services = PipelineServices.start(Bench.repoRoot(), infra, ports, PipelineServices.LOOPBACK,
                    null, dir, (service, why) -> System.err.println(service.name() + " crashed too often: " + why), ingestSettings)) {
                HttpClient http = HttpClient.newHttpClient();
                String ingest = "http://localhost:" + ports.ingest();
                // Article id -> gold group; items ingest takes for one article (a repeated link) are one.
                Map<String, String> gold = new LinkedHashMap<>();
                StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
                int items = 0;
                for (var feed : (Iterable<Map.Entry<String, JsonNode>>) labels.get("feeds")::fields) {
                    Map<String, String> groups = groups(feed.getKey(), feed.getValue());
                    List<String> links = links(decoded(Files.readAllBytes(feeds.resolve(feed.getKey()))));
                    for (int i = 0; i < links.size(); i++) {
                        merge(gold, ArticleIds.of(links.get(i), null), groups.getOrDefault(String.valueOf(i), feed.getKey() + "#" + i));
                    }
                    items += links.size();
                    opml.append("<outline text=\"").append(feed.getKey()).append("\" xmlUrl=\"").append(site).append("feeds/")
                            .append(feed.getKey()).append("\" htmlUrl=\"").append(site).append(feed.getKey()).append("/\"/>");
                }
                post(http, ingest + "/sources/opml", "text/x-opml", opml.append("</body></opml>").toString());
                Map<String, String> seedGroups = groups("seeds", labels.get("seeds"));
                try (Stream<Path> seeds = Files.list(Bench.repoRoot().resolve("seeds"))) {
                    for (Path seed : seeds.sorted().toList()) {
                        String prefix = seed.getFileName().toString().substring(0, 3);
                        String id = ContractJson.mapper().readTree(post(http, ingest + "/articles", "text/plain",
                                Files.readString(seed))).get("id").asText();
                        merge(gold, id, seedGroups.getOrDefault(prefix, "seed " + prefix));
                        items++;
                    }
                }
                report(items, gold, awaitPlaced(infra, gold.keySet()));
            }
        } finally {
            server.stop(0);
        }
    }

    /** The feeds as a site serves them, each with its charset (UOL's file is Latin-1 and says so nowhere else). */
    private static HttpServer serve(Path feeds) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feeds/", exchange -> {
            Path file = feeds.resolve(exchange.getRequestURI().getPath().substring("/feeds/".length())).normalize();
            if (!file.startsWith(feeds) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", (file.toString().endsWith(".atom") ? "application/atom+xml"
                    : "application/rss+xml") + "; charset=" + (isUtf8(bytes) ? "UTF-8" : "ISO-8859-1"));
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** Each labelled member (an item's position, a seed's prefix) with the name of its group. */
    private static Map<String, String> groups(String source, JsonNode labelled) {
        Map<String, String> groups = new HashMap<>();
        int g = 0;
        for (JsonNode group : labelled) {
            String name = source + "#group" + g++;
            group.forEach(member -> groups.put(member.asText(), name));
        }
        return groups;
    }

    private static void merge(Map<String, String> gold, String id, String group) {
        String before = gold.putIfAbsent(id, group);
        if (before != null && !before.equals(group)) {
            throw new IllegalStateException("one article is labelled in two groups: " + before + ", " + group);
        }
    }

    /** Each item's link, in feed order: RSS {@code <link>}, Atom {@code <link href>}. */
    private static List<String> links(String feed) {
        List<String> links = new ArrayList<>();
        Matcher item = ITEM.matcher(feed);
        while (item.find()) {
            Matcher rss = RSS_LINK.matcher(item.group(2));
            Matcher atom = ATOM_LINK.matcher(item.group(2));
            links.add(rss.find() ? rss.group(1).replace("<![CDATA[", "").replace("]]>", "").strip()
                    : atom.find() ? atom.group(1).replace("&amp;", "&") : null);
        }
        return links;
    }

    private static String post(HttpClient http, String url, String type, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decoded(byte[] bytes) {
        return new String(bytes, isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** Each article's place, once query-service has placed every article. */
    private static Map<String, Placed> awaitPlaced(Infrastructure infra, Set<String> articles) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword())) {
            while (System.nanoTime() < deadline) {
                Map<String, Placed> placed = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT article_id, story_id, copy_group, title, language,"
                        + " coalesce(published_at, received_at), top_entities, word_hashes FROM story_member")) {
                    while (rs.next()) {
                        Integer[] words = (Integer[]) rs.getArray(8).getArray();
                        placed.put(rs.getString(1), new Placed(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), Set.of((String[]) rs.getArray(7).getArray()),
                                Arrays.stream(words).mapToInt(Integer::intValue).toArray()));
                    }
                } catch (SQLException notYet) {
                    // query-service makes the schema when it starts
                }
                if (placed.keySet().containsAll(articles)) {
                    return placed;
                }
                System.out.printf("placed %d of %d articles%n", articles.stream().filter(placed::containsKey).count(), articles.size());
                Thread.sleep(5000);
            }
        }
        throw new IllegalStateException("not every article was placed in a story within 10 minutes");
    }

    private static void report(int items, Map<String, String> gold, Map<String, Placed> placed) {
        List<String> ids = new ArrayList<>(gold.keySet());
        long goldPairs = 0;
        long joined = 0;
        long wronglyJoined = 0;
        long copies = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean sameEvent = gold.get(ids.get(i)).equals(gold.get(ids.get(j)));
                Placed a = placed.get(ids.get(i));
                Placed b = placed.get(ids.get(j));
                goldPairs += sameEvent ? 1 : 0;
                boolean together = a.story().equals(b.story());
                if (together) {
                    joined += sameEvent ? 1 : 0;
                    wronglyJoined += sameEvent ? 0 : 1;
                }
                copies += a.copyGroup().equals(b.copyGroup()) ? 1 : 0;
                if (sameEvent != together) {
                    Set<String> shared = new java.util.TreeSet<>(a.topEntities());
                    shared.retainAll(b.topEntities());
                    System.out.printf("%s: \"%s\" / \"%s\" (%s, %s; %.1f h apart; words %.3f; shared main entities %s)%n",
                            together ? "joined, different events" : "apart, one event", abbreviated(a.title()), abbreviated(b.title()),
                            a.language(), b.language(), Math.abs(java.time.Duration.between(a.time(), b.time()).toMinutes()) / 60.0,
                            TextSignature.wordSimilarity(a.wordHashes(), b.wordHashes()), shared);
                }
            }
        }
        System.out.printf("%d articles from %d feed items and seeds; gold: %d events, %d same-event pairs; assigned: %d stories%n",
                ids.size(), items, gold.values().stream().distinct().count(), goldPairs,
                ids.stream().map(id -> placed.get(id).story()).distinct().count());
        System.out.printf("stories: pairwise precision %.3f, recall %.3f (%d pairs joined right, %d joined wrongly, %d missed)%n",
                joined + wronglyJoined == 0 ? 1.0 : (double) joined / (joined + wronglyJoined),
                goldPairs == 0 ? 1.0 : (double) joined / goldPairs, joined, wronglyJoined, goldPairs - joined);
        System.out.printf("copy groups: %d pairs of different texts share one (none should)%n", copies);
    }

    private static String abbreviated(String title) {
        return title == null ? "" : title.length() > 60 ? title.substring(0, 60) + "…" : title;
    }
}

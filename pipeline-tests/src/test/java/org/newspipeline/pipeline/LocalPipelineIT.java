package org.newspipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newspipeline.localstack.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's run command, end to end: the launcher starts a real KRaft broker, a private
 * PostgreSQL and the packaged services (three enrich-service replicas here), feeds the seeds, and
 * serves the search; a catalog correction reaches every replica and, re-enriched, the search;
 * SIGTERM (what Ctrl-C amounts to) leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPipelineIT {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Process launcher;
    static List<ProcessHandle> children = new ArrayList<>();
    static int queryPort;
    static int ingestPort;
    static List<Integer> enrichPorts;

    @BeforeAll
    static void startThePipeline() throws Exception {
        queryPort = Ports.free();
        ingestPort = Ports.free();
        enrichPorts = List.of(Ports.free(), Ports.free(), Ports.free());
        Path jar;
        try (Stream<Path> jars = Files.list(REPO.resolve("local-stack/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("local-stack-.*\\.jar")).findFirst().orElseThrow();
        }
        launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--data", data.toString(), "--kafka-port", String.valueOf(Ports.free()),
                "--postgres-port", String.valueOf(Ports.free()),
                "--http-ports", queryPort + "," + ingestPort + "," + enrichPorts.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread output = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[local-stack] " + line);
                    if (line.contains("News pipeline is up")) {
                        up.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the launcher has gone
            }
            up.completeExceptionally(new IllegalStateException("the launcher exited before the pipeline was up"));
        });
        output.setDaemon(true);
        output.start();
        up.get(180, TimeUnit.SECONDS);
        launcher.descendants().forEach(children::add);
        // PostgreSQL's pg_ctl detaches the server from the launcher: find it by its data directory.
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .filter(p -> !children.contains(p) && !p.equals(launcher.toHandle()))
                .forEach(children::add);
    }

    @AfterAll
    static void stopIfStillRunning() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Order(1)
    void a_catalog_correction_reaches_every_enrich_replica_and_after_re_enrichment_the_search() throws Exception {
        awaitSearch("peacekeeping", 5, Duration.ofSeconds(60));
        List<String> before = ids("entity=" + encode("Stanislav Zas") + "&limit=100");
        assertTrue(!before.isEmpty(), "the seeds name the CSTO Secretary General");

        String full = "Stanislav Vasilyevich Zas";
        assertEquals(200, send(enrichPorts.get(0), "PUT", "/catalog/entities/" + encode(full).replace("+", "%20"),
                "{\"type\":\"PERSON\",\"reason\":\"his full name\",\"by\":\"LocalPipelineIT\"}").statusCode());
        long corrected = System.nanoTime();
        HttpResponse<String> merged = send(enrichPorts.get(1), "POST", "/catalog/entities/" + encode("Stanislav Zas").replace("+", "%20") + "/merge",
                "{\"into\":\"" + full + "\",\"reason\":\"one person\",\"reenrich\":true}");
        assertEquals(200, merged.statusCode(), merged.body());
        assertTrue(merged.headers().firstValue("Link").orElse("").contains("rel=\"reenrichment\""), merged.headers().map().toString());

        for (int port : enrichPorts) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String name = "";
            while (!name.equals(full) && System.nanoTime() < deadline) {
                HttpResponse<String> known = send(port, "GET", "/catalog/entities/" + encode("Stanislav Zas").replace("+", "%20"), null);
                name = known.statusCode() == 200 ? JSON.readTree(known.body()).get("name").asText() : "";
                Thread.sleep(100);
            }
            assertEquals(full, name, "the replica on " + port + " follows the catalog");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> after = List.of();
        while (after.size() < before.size() && System.nanoTime() < deadline) {
            after = ids("entity=" + encode(full) + "&limit=100");
            Thread.sleep(200);
        }
        assertEquals(new HashSet<>(before), new HashSet<>(after), "the same articles, under the corrected name");
        System.out.printf("correction searchable under the new name after %d ms%n", (System.nanoTime() - corrected) / 1_000_000);
        HttpResponse<String> suggestions = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort
                + "/entities?prefix=Stanislav")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(suggestions.body().contains(full) && !suggestions.body().contains("\"Stanislav Zas\""), suggestions.body());
    }

    @Test
    @Order(2)
    void seeds_are_searchable_then_a_posted_article_then_sigterm_stops_everything() throws Exception {
        JsonNode page = awaitSearch("peacekeeping", 5, Duration.ofSeconds(60));
        assertEquals(5, page.get("total").asInt());
        // sort=recent halves relevance per 14 days of age: no seed comes before one published more
        // than 200 days after it (2^14 times its text relevance would be needed). Seeds that state no
        // date count from their arrival (the Belarus statement) or their file's time.
        List<Instant> recent = new ArrayList<>();
        for (JsonNode item : get("q=peacekeeping&sort=recent").get("items")) {
            recent.add(Instant.parse(item.get("publishedAt").asText()));
        }
        for (int i = 0; i < recent.size(); i++) {
            for (int j = i + 1; j < recent.size(); j++) {
                assertTrue(recent.get(i).isAfter(recent.get(j).minus(Duration.ofDays(200))), "newest first, roughly: " + recent);
            }
        }
        assertTrue(page.get("items").findValuesAsText("title").contains("Changes in UN peacekeeping system are overdue — Lavrov"));

        seedSearchesWork();
        seedsFormTheirStories();
        HttpResponse<String> searchPage = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort
                + "/?q=peacekeeping")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, searchPage.statusCode());
        assertTrue(searchPage.body().contains("Changes in UN peacekeeping system are overdue — Lavrov"),
                "the search page finds the seeds");

        String word = "zx" + UUID.randomUUID().toString().substring(0, 8);
        long posted = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ingestPort + "/articles"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("MOSCOW, May 26. /TASS/. A new story about " + word + "."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        awaitSearch(word, 1, Duration.ofSeconds(30));
        System.out.printf("posted article searchable after %d ms%n", (System.nanoTime() - posted) / 1_000_000);

        assertTrue(children.size() >= 6, "five service processes and PostgreSQL were started: " + children.size());
        assertTrue(children.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("postgres")),
                "PostgreSQL is among the processes to check");
        launcher.destroy();
        assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "still running: " + child.info().commandLine().orElse(child.toString()));
        }
    }

    /** The searches the query issue names, on the seeds as the pipeline enriched them. */
    static void seedSearchesWork() throws Exception {
        List<String> byAlias = ids("entity=CSTO&limit=100");
        assertEquals(5, byAlias.size(), "every seed names the CSTO");
        assertEquals(new HashSet<>(byAlias),
                new HashSet<>(ids("entity=" + URLEncoder.encode("Collective Security Treaty Organization", StandardCharsets.UTF_8) + "&limit=100")));
        List<String> phrase = ids("q=" + URLEncoder.encode("\"Treaty Organization\" -Kazakhstan", StandardCharsets.UTF_8));
        assertTrue(!phrase.isEmpty() && phrase.size() < 5, "the phrase, minus the articles naming Kazakhstan: " + phrase);
        JsonNode in2020 = get("from=2020-01-01&to=2020-12-31");
        assertTrue(in2020.get("items").findValuesAsText("title").stream().anyMatch(t -> t.startsWith("Russia has offered")),
                "the TASS story of 2020-05-26: " + in2020);
        JsonNode lavrov = get("entity=" + URLEncoder.encode("Sergei Lavrov", StandardCharsets.UTF_8));
        assertEquals(2, lavrov.get("total").asInt(), "Sergei and Sergey Lavrov are one person");
    }

    /**
     * The Belarus statement at the Security Council's debate on the UN and the CSTO and the UN's
     * coverage of that meeting are one story; each other seed is a story of its own; no seed is a
     * copy of another.
     */
    static void seedsFormTheirStories() throws Exception {
        JsonNode stories = JSON.readTree(send(queryPort, "GET", "/stories?entity=CSTO&limit=100", null).body());
        List<Integer> sizes = new ArrayList<>();
        stories.forEach(s -> sizes.add(s.get("articles").asInt()));
        assertEquals(List.of(2, 1, 1, 1), sizes, "stories of the seeds, the largest first: " + stories);
        JsonNode debate = JSON.readTree(send(queryPort, "GET", "/stories/" + encode(stories.get(0).get("id").asText()), null).body());
        List<String> titles = debate.get("items").findValuesAsText("title");
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Statement of the Permanent Representative of the Republic of Belarus"))
                && titles.stream().anyMatch(t -> t.contains("8967th Meeting")), "the debate and the statement at it: " + titles);
        assertEquals(2, debate.get("copyGroups").size(), "two texts, not copies: " + debate.get("copyGroups"));
    }

    static HttpResponse<String> send(int port, String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(String query) throws Exception {
        return get(query).get("items").findValuesAsText("id");
    }

    static JsonNode get(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort + "/articles?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode awaitSearch(String q, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = URI.create("http://localhost:" + queryPort + "/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (last.get("total").asInt() >= atLeast) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        fail("search for " + q + " found fewer than " + atLeast + " within " + timeout + ": " + last);
        return null;
    }
}

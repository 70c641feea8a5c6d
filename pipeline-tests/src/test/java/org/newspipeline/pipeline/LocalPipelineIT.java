package org.newspipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, end to end: the launcher starts a real KRaft broker, a private
 * PostgreSQL and the packaged services (three enrich-service replicas here), feeds the seeds, and
 * serves the search; a catalog correction reaches every replica and, re-enriched, the search;
 * SIGTERM (what Ctrl-C amounts to) leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPipelineIT {

    @TempDir
    static Path data;
    static RunningStack stack;

    @BeforeAll
    static void startThePipeline() throws Exception {
        stack = RunningStack.start(data, 3);
    }

    @AfterAll
    static void stopIfStillRunning() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_catalog_correction_reaches_every_enrich_replica_and_after_re_enrichment_the_search() throws Exception {
        catalogCorrectionReachesEveryReplicaAndTheSearch(stack);
    }

    /** A merge of two catalog names on one replica: every replica follows, and re-enriched, the search does. */
    static void catalogCorrectionReachesEveryReplicaAndTheSearch(RunningStack stack) throws Exception {
        List<Integer> enrichPorts = stack.enrichPorts();
        stack.awaitSearch("peacekeeping", 5, Duration.ofSeconds(60));
        List<String> before = stack.ids("entity=" + RunningStack.encode("Stanislav Zas") + "&limit=100");
        assertTrue(!before.isEmpty(), "the seeds name the CSTO Secretary General");

        String full = "Stanislav Vasilyevich Zas";
        assertEquals(200, stack.send(enrichPorts.get(0), "PUT", "/catalog/entities/" + RunningStack.encode(full).replace("+", "%20"),
                "{\"type\":\"PERSON\",\"reason\":\"his full name\",\"by\":\"LocalPipelineIT\"}").statusCode());
        long corrected = System.nanoTime();
        HttpResponse<String> merged = stack.send(enrichPorts.get(1), "POST", "/catalog/entities/" + RunningStack.encode("Stanislav Zas").replace("+", "%20") + "/merge",
                "{\"into\":\"" + full + "\",\"reason\":\"one person\",\"reenrich\":true}");
        assertEquals(200, merged.statusCode(), merged.body());
        assertTrue(merged.headers().firstValue("Link").orElse("").contains("rel=\"reenrichment\""), merged.headers().map().toString());

        for (int port : enrichPorts) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String name = "";
            while (!name.equals(full) && System.nanoTime() < deadline) {
                HttpResponse<String> known = stack.send(port, "GET", "/catalog/entities/" + RunningStack.encode("Stanislav Zas").replace("+", "%20"), null);
                name = known.statusCode() == 200 ? RunningStack.JSON.readTree(known.body()).get("name").asText() : "";
                Thread.sleep(100);
            }
            assertEquals(full, name, "the replica on " + port + " follows the catalog");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> after = List.of();
        while (after.size() < before.size() && System.nanoTime() < deadline) {
            after = stack.ids("entity=" + RunningStack.encode(full) + "&limit=100");
            Thread.sleep(200);
        }
        assertEquals(new HashSet<>(before), new HashSet<>(after), "the same articles, under the corrected name");
        System.out.printf("correction searchable under the new name after %d ms%n", (System.nanoTime() - corrected) / 1_000_000);
        HttpResponse<String> suggestions = RunningStack.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.queryPort()
                + "/entities?prefix=Stanislav")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(suggestions.body().contains(full) && !suggestions.body().contains("\"Stanislav Zas\""), suggestions.body());
    }

    @Test
    @Order(2)
    void seeds_are_searchable_then_a_posted_article_then_sigterm_stops_everything() throws Exception {
        JsonNode page = stack.awaitSearch("peacekeeping", 5, Duration.ofSeconds(60));
        assertEquals(5, page.get("total").asInt());
        // sort=recent halves relevance per 14 days of age: no seed comes before one published more
        // than 200 days after it (2^14 times its text relevance would be needed). Seeds that state no
        // date count from their arrival (the Belarus statement) or their file's time.
        List<Instant> recent = new ArrayList<>();
        for (JsonNode item : stack.get("q=peacekeeping&sort=recent").get("items")) {
            recent.add(Instant.parse(item.get("publishedAt").asText()));
        }
        for (int i = 0; i < recent.size(); i++) {
            for (int j = i + 1; j < recent.size(); j++) {
                assertTrue(recent.get(i).isAfter(recent.get(j).minus(Duration.ofDays(200))), "newest first, roughly: " + recent);
            }
        }
        assertTrue(page.get("items").findValuesAsText("title").contains("Changes in UN peacekeeping system are overdue — Lavrov"));

        seedSearchesWork(stack);
        seedsFormTheirStories(stack);
        HttpResponse<String> searchPage = RunningStack.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.queryPort()
                + "/?q=peacekeeping")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, searchPage.statusCode());
        assertTrue(searchPage.body().contains("Changes in UN peacekeeping system are overdue — Lavrov"),
                "the search page finds the seeds");

        String word = "zx" + UUID.randomUUID().toString().substring(0, 8);
        long posted = System.nanoTime();
        HttpResponse<String> accepted = RunningStack.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ingestPort() + "/articles"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("MOSCOW, May 26. /TASS/. A new story about " + word + "."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        stack.awaitSearch(word, 1, Duration.ofSeconds(30));
        System.out.printf("posted article searchable after %d ms%n", (System.nanoTime() - posted) / 1_000_000);

        assertTrue(stack.children().size() >= 6, "five service processes and PostgreSQL were started: " + stack.children().size());
        assertTrue(stack.children().stream().anyMatch(p -> p.info().commandLine().orElse("").contains("postgres")),
                "PostgreSQL is among the processes to check");
        stack.launcher().destroy();
        assertTrue(stack.launcher().waitFor(90, TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        for (ProcessHandle child : stack.children()) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "still running: " + child.info().commandLine().orElse(child.toString()));
        }
    }

    /** The searches the query issue names, on the seeds as the pipeline enriched them. */
    static void seedSearchesWork(RunningStack stack) throws Exception {
        List<String> byAlias = stack.ids("entity=CSTO&limit=100");
        assertEquals(5, byAlias.size(), "every seed names the CSTO");
        assertEquals(new HashSet<>(byAlias),
                new HashSet<>(stack.ids("entity=" + URLEncoder.encode("Collective Security Treaty Organization", StandardCharsets.UTF_8) + "&limit=100")));
        List<String> phrase = stack.ids("q=" + URLEncoder.encode("\"Treaty Organization\" -Kazakhstan", StandardCharsets.UTF_8));
        assertTrue(!phrase.isEmpty() && phrase.size() < 5, "the phrase, minus the articles naming Kazakhstan: " + phrase);
        JsonNode in2020 = stack.get("from=2020-01-01&to=2020-12-31");
        assertTrue(in2020.get("items").findValuesAsText("title").stream().anyMatch(t -> t.startsWith("Russia has offered")),
                "the TASS story of 2020-05-26: " + in2020);
        JsonNode lavrov = stack.get("entity=" + URLEncoder.encode("Sergei Lavrov", StandardCharsets.UTF_8));
        assertEquals(2, lavrov.get("total").asInt(), "Sergei and Sergey Lavrov are one person");
    }

    /**
     * The Belarus statement at the Security Council's debate on the UN and the CSTO and the UN's
     * coverage of that meeting are one story; each other seed is a story of its own; no seed is a
     * copy of another.
     */
    static void seedsFormTheirStories(RunningStack stack) throws Exception {
        JsonNode stories = RunningStack.JSON.readTree(stack.send(stack.queryPort(), "GET", "/stories?entity=CSTO&limit=100", null).body());
        List<Integer> sizes = new ArrayList<>();
        stories.forEach(s -> sizes.add(s.get("articles").asInt()));
        assertEquals(List.of(2, 1, 1, 1), sizes, "stories of the seeds, the largest first: " + stories);
        JsonNode debate = RunningStack.JSON.readTree(stack.send(stack.queryPort(), "GET", "/stories/" + RunningStack.encode(stories.get(0).get("id").asText()), null).body());
        List<String> titles = debate.get("items").findValuesAsText("title");
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Statement of the Permanent Representative of the Republic of Belarus"))
                && titles.stream().anyMatch(t -> t.contains("8967th Meeting")), "the debate and the statement at it: " + titles);
        assertEquals(2, debate.get("copyGroups").size(), "two texts, not copies: " + debate.get("copyGroups"));
    }
}

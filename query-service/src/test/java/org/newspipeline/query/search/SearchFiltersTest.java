package org.newspipeline.query.search;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.testing.SearchTestResource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.entity;
import static org.newspipeline.query.Articles.publish;

/** Four articles with a word of their own, searched every way the API allows. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class SearchFiltersTest {

    static final String WORD = "zw" + UUID.randomUUID().toString().substring(0, 8);
    static final String TASS = "tass-" + WORD;
    static final String BELTA = "belta-" + WORD;
    static final String UN = "un-" + WORD;
    static final String GUTERRES = "guterres-" + WORD;
    static boolean published;

    @TestHTTPResource("/articles")
    URL articles;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        Instant now = Instant.now();
        var csto = entity("Collective Security Treaty Organization", Type.ORGANIZATION, "CSTO", "Treaty Organization");
        publish(article(TASS, 1, now, "CSTO ministers meet", WORD + " The Collective Security Treaty Organization met.",
                "TASS", "2020-05-26", List.of(csto, entity("Russia", Type.LOCATION, "Russian Federation"))));
        publish(article(BELTA, 1, now, "Peacekeeping plans", WORD + " The Treaty Organization and Kazakhstan.",
                "BelTA", "2020-10-16", List.of(csto, entity("Kazakhstan", Type.LOCATION))));
        publish(article(UN, 1, now, "Council debate", WORD + " United Nations peacekeeping debate.",
                "UN Meetings Coverage", "2022-02-16", List.of(entity("United Nations", Type.ORGANIZATION, "UN"))));
        publish(article(GUTERRES, 1, now, "Secretary-General speaks", WORD + " said António Guterres.",
                "UN Meetings Coverage", "2022-02-17", List.of(entity("António Guterres", Type.PERSON, "Guterres"))));
        for (String id : List.of(TASS, BELTA, UN, GUTERRES)) {
            given().get("/articles/{id}", id);
        }
        awaitTitle(GUTERRES, "Secretary-General speaks");
        awaitTitle(TASS, "CSTO ministers meet");
        published = true;
    }

    /**
     * Every page of a search, following next (at most 100 items, so that a loop shows as a failure).
     * A next cursor must lead to a page with items: the last full page says it is the last.
     */
    static List<String> walk(String q, String sort, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", q).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response r = request.get("/articles");
            List<String> items = ids(r);
            assertFalse(cursor != null && items.isEmpty(), "a next cursor led to an empty page after " + seen);
            seen.addAll(items);
            cursor = r.jsonPath().getString("next");
        } while (cursor != null && seen.size() < 100);
        return seen;
    }

    static List<String> ids(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void an_alias_finds_the_same_articles_as_the_canonical_name() {
        List<String> byAlias = ids(given().queryParam("q", WORD).queryParam("entity", "CSTO").get("/articles"));
        List<String> byName = ids(given().queryParam("q", WORD)
                .queryParam("entity", "Collective Security Treaty Organization").get("/articles"));

        assertEquals(Set.of(TASS, BELTA), new HashSet<>(byAlias));
        assertEquals(new HashSet<>(byName), new HashSet<>(byAlias));
    }

    @Test
    void phrase_and_exclusion() {
        assertEquals(List.of(TASS), ids(given().queryParam("q", WORD + " \"Treaty Organization\" -Kazakhstan").get("/articles")));
    }

    @Test
    void date_range_source_type_place_and_language() {
        assertEquals(Set.of(TASS, BELTA), new HashSet<>(ids(given().queryParam("q", WORD)
                .queryParam("from", "2020-01-01").queryParam("to", "2020-12-31").get("/articles"))));
        assertEquals(List.of(BELTA), ids(given().queryParam("q", WORD).queryParam("source", "belta").get("/articles")));
        assertEquals(List.of(GUTERRES), ids(given().queryParam("q", WORD).queryParam("type", "PERSON").get("/articles")));
        assertEquals(List.of(BELTA), ids(given().queryParam("q", WORD).queryParam("place", "Kazakhstan").get("/articles")));
        assertEquals(4, ids(given().queryParam("q", WORD).queryParam("lang", "en").queryParam("sort", "date").get("/articles")).size());
    }

    @Test
    void accents_and_typos_do_not_matter() {
        assertEquals(List.of(GUTERRES), ids(given().queryParam("q", WORD + " Antonio").get("/articles")));
        given().queryParam("prefix", "anto").get("/entities")
                .then().statusCode(200).body("name", hasItem("António Guterres"));
        given().queryParam("prefix", "Guteres").get("/entities")
                .then().statusCode(200).body("name", hasItem("António Guterres"));
    }

    /** Facets count every match, and the total is exact. */
    @Test
    void facets_and_the_total_count_every_match() {
        given().queryParam("q", WORD).get("/articles")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("totalExact", equalTo(true))
                .body("facets.counted", equalTo(4))
                .body("facets.source.find { it.value == 'UN Meetings Coverage' }.count", equalTo(2))
                .body("facets.source.find { it.value == 'BelTA' }.count", equalTo(1))
                .body("facets.entity.find { it.value == 'Collective Security Treaty Organization' }.count", equalTo(2))
                .body("facets.entity.find { it.value == 'Collective Security Treaty Organization' }.type", equalTo("ORGANIZATION"))
                .body("facets.language[0].value", equalTo("en"))
                .body("facets.month.value", hasItems("2020-05", "2020-10", "2022-02"))
                .body("items.find { it.id == '" + BELTA + "' }.entities",
                        containsInAnyOrder("Collective Security Treaty Organization", "Kazakhstan"));
    }

    @Test
    void walking_next_reaches_every_match_once_in_every_order() {
        for (String sort : List.of("date", "relevance", "relevance-2", "recent")) {
            List<String> seen = walk(WORD, sort.replace("-2", ""), sort.endsWith("-2") ? 2 : 1);
            assertEquals(Set.of(TASS, BELTA, UN, GUTERRES), new HashSet<>(seen), sort);
            assertEquals(4, seen.size(), sort);
        }
        assertEquals(List.of(GUTERRES, UN, BELTA, TASS), ids(given().queryParam("q", WORD).queryParam("sort", "date").get("/articles")));
    }

    /**
     * Relevance is the text's alone: two strong matches (a year apart, of one score, so in id order)
     * before four weak ones, however new. {@code recent} halves it per 14 days of age: the recent
     * strong match first, the old one last. Walking one at a time gives the same order as one page.
     */
    @Test
    void relevance_is_the_texts_and_recent_weighs_it_against_age() {
        String word = "zr" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String strong = word + " " + word + " " + word + " " + word + ".";
        publish(article("recent-strong-" + word, 1, Instant.now(), word + " " + word, strong, "TASS", today.minusDays(3).toString(), List.of()));
        publish(article("old-strong-" + word, 1, Instant.now(), word + " " + word, strong, "TASS", today.minusDays(400).toString(), List.of()));
        for (int i = 0; i < 4; i++) {
            publish(article("weak-" + i + "-" + word, 1, Instant.now(), "Other news " + i, "A long story that mentions " + word + " once.",
                    "TASS", today.minusDays(i / 2).toString(), List.of()));
        }
        for (String id : List.of("recent-strong-", "old-strong-", "weak-0-", "weak-1-", "weak-2-", "weak-3-")) {
            awaitTitle(id + word, id.startsWith("weak") ? "Other news " + id.charAt(5) : word + " " + word);
        }

        List<String> byText = ids(given().queryParam("q", word).get("/articles"));
        List<String> recent = ids(given().queryParam("q", word).queryParam("sort", "recent").get("/articles"));

        assertEquals(List.of("old-strong-" + word, "recent-strong-" + word), byText.subList(0, 2));
        assertEquals(byText, walk(word, "relevance", 1));
        assertEquals(6, recent.size());
        assertEquals("recent-strong-" + word, recent.get(0));
        assertEquals("old-strong-" + word, recent.get(5));
        assertEquals(recent, walk(word, "recent", 1));
    }

    /** Thirty matches of one score: equal scores come in id order, each exactly once, whatever the page size. */
    @Test
    void a_walk_returns_every_tie_once_in_id_order() {
        String word = "zt" + UUID.randomUUID().toString().substring(0, 8);
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = String.format("tie-%02d-%s", i, word);
            publish(article(id, 1, Instant.now(), "Tie", "A story that mentions " + word + " once.", "TASS", day, List.of()));
            published.add(id);
        }
        published.forEach(id -> awaitTitle(id, "Tie"));

        assertEquals(published, walk(word, "relevance", 1));
        assertEquals(published, walk(word, "relevance", 7));
    }

    @Test
    void an_entity_with_its_aliases_and_company() {
        given().get("/entities/{name}", "CSTO")
                .then().statusCode(200)
                .body("name", equalTo("Collective Security Treaty Organization"))
                .body("aliases", hasItems("CSTO", "Treaty Organization"))
                .body("coOccurring.name", hasItems("Russia", "Kazakhstan"));
        given().get("/entities/{name}", "No Such Entity " + WORD)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void timeline_and_sources() {
        given().queryParam("q", WORD).queryParam("interval", "month").get("/stats/timeline")
                .then().statusCode(200)
                .body("find { it.value == '2022-02-01' }.count", equalTo(2))
                .body("find { it.value == '2020-05-01' }.count", equalTo(1));
        given().get("/sources").then().statusCode(200).body("value", hasItems("BelTA", "UN Meetings Coverage"));
    }

    @Test
    void bad_parameters_are_400_problems_that_say_what_is_wrong() {
        given().queryParam("from", "last week").get("/articles")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("from"));
        given().queryParam("sort", "popularity").get("/articles").then().statusCode(400).body("detail", containsString("sort"));
        given().queryParam("type", "THING").get("/articles").then().statusCode(400).body("detail", containsString("type"));
        given().queryParam("cursor", "garbage").queryParam("q", "x").get("/articles").then().statusCode(400)
                .body("detail", containsString("cursor"));
        given().queryParam("limit", 0).get("/articles").then().statusCode(400);
        given().queryParam("limit", "many").get("/articles").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("interval", "year").get("/stats/timeline").then().statusCode(400);
        given().queryParam("q", "'; DROP TABLE article; --").get("/articles").then().statusCode(200);
        given().queryParam("q", "word ".repeat(51)).get("/articles").then().statusCode(400).body("detail", containsString("q"));
        // One "word" of 1,500 terms (hyphens split them): more clauses than OpenSearch runs.
        given().queryParam("q", "a-".repeat(1500)).get("/articles").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("q"));
        given().queryParam("q", "\"" + "a ".repeat(40) + "\" OR -b | c* (d) ~e \\").get("/articles").then().statusCode(200);
    }

    /** Each search holds up to three pooled connections at once (page, count, entity facet): more searches than the pool allows must queue, not starve each other. */
    @Test
    void many_searches_at_once_all_answer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(articles + "?q=" + WORD);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(clients.submit(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}

package org.newspipeline.query.alert;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.UniqueWords;
import org.newspipeline.testing.WebhookReceiver;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.publish;

/** Saved searches as their users meet them: webhooks signed and in order, retries, pauses, digests. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class SavedSearchesTest {

    @Test
    void a_webhook_gets_every_new_match_once_in_order_signed_and_nothing_else() throws Exception {
        String word = "wh" + UniqueWords.letters(8);
        try (WebhookReceiver hook = new WebhookReceiver(() -> 200)) {
            JsonPath saved = save(word, Map.of("q", word), hook.url());
            for (int i = 0; i < 30; i++) {
                publish(article(word + "-" + i, 1, "Match " + i + " " + word, "A report that mentions " + word + " once."));
                if (i % 3 == 0) {
                    publish(article("other-" + word + "-" + i, 1, "Other " + i, "A report about something else entirely."));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> hook.taken.size() >= 30);
            Thread.sleep(1000); // anything more would have come by now

            assertEquals(30, hook.taken.size(), hook.taken.toString());
            long previous = -1;
            Set<String> articles = new HashSet<>();
            for (WebhookReceiver.Post post : hook.taken) {
                JsonPath body = JsonPath.from(post.body());
                assertTrue(body.getString("article.id").startsWith(word + "-"), post.body());
                articles.add(body.getString("article.id"));
                assertEquals(post.id(), body.getString("id"));
                assertEquals(saved.getString("id"), body.getString("search.id"));
                long seq = Long.parseLong(post.id().substring(post.id().lastIndexOf('.') + 1));
                assertTrue(seq > previous, "in log order: " + hook.taken);
                previous = seq;
                assertTrue(post.signedWith(saved.getString("secret")), post.toString());
            }
            assertEquals(30, articles.size());
            given().get("/searches/{id}", saved.getString("id")).then().statusCode(200)
                    .body("delivery.delivered", equalTo(30)).body("delivery.failures", equalTo(0))
                    .body("search.q", equalTo(word)).body("secret", equalTo(null));
        }
    }

    @Test
    void a_failing_receiver_gets_its_backlog_in_order_and_a_silent_one_is_paused_without_holding_others() throws Exception {
        String word = "wf" + UniqueWords.letters(8);
        AtomicInteger refusals = new AtomicInteger(3);
        try (WebhookReceiver recovering = new WebhookReceiver(() -> refusals.getAndDecrement() > 0 ? 500 : 200);
             WebhookReceiver broken = new WebhookReceiver(() -> 500);
             WebhookReceiver healthy = new WebhookReceiver(() -> 204);
             // Takes connections (the kernel's backlog) and never answers.
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            save(word + " recovering", Map.of("q", word), recovering.url());
            String brokenId = save(word + " broken", Map.of("q", word), broken.url()).getString("id");
            String silentId = save(word + " silent", Map.of("q", word), "http://127.0.0.1:" + silent.getLocalPort() + "/hook").getString("id");
            save(word + " healthy", Map.of("q", word), healthy.url());
            for (int i = 0; i < 10; i++) {
                publish(article(word + "-" + i, 1, "Match " + i + " " + word, "A report on " + word + "."));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> healthy.taken.size() == 10 && recovering.taken.size() == 10);
            assertEquals(ids(healthy.taken), ids(recovering.taken), "the backlog in the same order");
            assertEquals(3, recovering.all.size() - recovering.taken.size(), "three refusals, then the same post again");
            assertEquals(recovering.all.get(0).id(), recovering.all.get(3).id(), "a post tried again keeps its webhook-id");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/searches/{id}", brokenId).then()
                    .statusCode(200).body("delivery.paused", containsString("after 4 failed deliveries"))
                    .body("delivery.paused", containsString("HTTP 500")).body("delivery.delivered", equalTo(0)));
            assertEquals(4, broken.all.size());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/searches/{id}", silentId).then()
                    .statusCode(200).body("delivery.paused", containsString("HttpTimeoutException")));

            given().post("/searches/{id}/resume", brokenId).then().statusCode(200).body("delivery.paused", equalTo(null));
            given().delete("/searches/{id}", brokenId).then().statusCode(204);
            given().get("/searches/{id}", brokenId).then().statusCode(404);
        }
    }

    @Test
    void collapsed_by_story_a_search_posts_the_first_article_of_each_story() throws Exception {
        String word = "wc" + UniqueWords.letters(8);
        StringBuilder text = new StringBuilder(word);
        for (int i = 0; i < 40; i++) {
            text.append(' ').append(UniqueWords.letters(7));
        }
        try (WebhookReceiver hook = new WebhookReceiver(() -> 200)) {
            save(word, Map.of("q", word, "collapse", "story"), hook.url());
            publish(article("original-" + word, 1, "Original " + word, text.toString()));
            awaitTitle("original-" + word, "Original " + word);
            for (int i = 0; i < 3; i++) {
                publish(article("copy-" + i + "-" + word, 1, "Copy " + word, "(TASS) - " + text));
            }
            publish(article("else-" + word, 1, "Else " + word, "Something else on " + word + " entirely."));
            await().atMost(Duration.ofSeconds(60)).until(() -> hook.taken.size() >= 2);
            Thread.sleep(1500);
            assertEquals(Set.of("original-" + word, "else-" + word), new HashSet<>(ids(hook.taken)));
        }
    }

    @Test
    void a_digest_lists_what_matched_as_json_and_as_an_atom_feed() throws Exception {
        String word = "wd" + UniqueWords.letters(8);
        String id = save(word, Map.of("q", word), null).getString("id");
        for (int i = 0; i < 3; i++) {
            publish(article(word + "-" + i, 1, "Digest " + i + " " + word, "About " + word + " & <markup>."));
        }
        for (int i = 0; i < 3; i++) {
            awaitTitle(word + "-" + i, "Digest " + i + " " + word);
        }
        given().get("/searches/{id}/digest", id).then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].title", containsString(word)).body("search.name", equalTo(word));
        byte[] feed = given().queryParam("format", "atom").get("/searches/{id}/digest", id).then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asByteArray();
        Document atom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        assertEquals(3, atom.getElementsByTagName("entry").getLength());
        given().header("Accept", "application/atom+xml").get("/searches/{id}/digest", id).then().statusCode(200)
                .contentType(containsString("application/atom+xml"));
        given().queryParam("since", "2999-01-01").get("/searches/{id}/digest", id).then().statusCode(200).body("items", hasSize(0));
        given().queryParam("since", "yesterday").get("/searches/{id}/digest", id).then().statusCode(400)
                .body("detail", containsString("since"));
        given().queryParam("format", "rss").get("/searches/{id}/digest", id).then().statusCode(400)
                .body("detail", containsString("format"));
    }

    @Test
    void bad_saved_searches_are_refused_naming_the_field_and_each_belongs_to_its_key() {
        given().contentType(ContentType.JSON).body(Map.of("search", Map.of("q", "x"))).post("/searches").then()
                .statusCode(400).body("detail", containsString("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "search", Map.of("type", "PLANET"))).post("/searches").then()
                .statusCode(400).body("detail", containsString("search: type"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "webhook", Map.of("url", "file:///etc/passwd"))).post("/searches")
                .then().statusCode(400).body("detail", containsString("webhook.url"));
        given().contentType(ContentType.JSON).body("{\"name\": \"n\", \"search\": {\"q\": 5}}").post("/searches").then()
                .statusCode(400).body("detail", containsString("q"));
        given().contentType(ContentType.JSON).body("[]").post("/searches").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\": \"n\", \"search\": {\"query\": \"x\"}}").post("/searches").then()
                .statusCode(400).body("detail", containsString("query"));

        String mine = given().header("Authorization", "Bearer mine").contentType(ContentType.JSON)
                .body(Map.of("name", "mine", "search", Map.of("q", "x"))).post("/searches").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", "Bearer mine").get("/searches").then().statusCode(200).body("id", equalTo(List.of(mine)));
        given().header("Authorization", "Bearer theirs").get("/searches/{id}", mine).then().statusCode(404);
        given().header("Authorization", "Bearer theirs").delete("/searches/{id}", mine).then().statusCode(404);
        given().get("/searches/{id}", "not-a-uuid").then().statusCode(404);
        given().get("/searches/{id}/digest", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private static JsonPath save(String name, Map<String, String> search, String webhook) {
        Map<String, Object> body = webhook == null ? Map.of("name", name, "search", search)
                : Map.of("name", name, "search", search, "webhook", Map.of("url", webhook));
        return given().contentType(ContentType.JSON).body(body).post("/searches").then().statusCode(201)
                .body("secret", containsString("whsec_")).extract().jsonPath();
    }

    private static List<String> ids(List<WebhookReceiver.Post> posts) {
        return posts.stream().map(p -> JsonPath.from(p.body()).getString("article.id")).toList();
    }
}

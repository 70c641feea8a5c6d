package org.newspipeline.query.index;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.SharedSearchNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.publish;

/** A rebuild from the topic into an empty index gives the same search results, in the same order. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class IndexRebuildTest {

    @Test
    void a_rebuild_from_the_topic_reproduces_the_same_search_results() {
        String word = "zi" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            publish(article("rebuild-" + i + "-" + word, 1, Instant.now(), "Rebuild " + i + " " + word,
                    (word + " ").repeat(i + 1) + "text.", "TASS", "2021-0" + (i + 1) + "-15", List.of()));
        }
        // The latest enrichment of one of them is the one indexed, before and after.
        publish(article("rebuild-0-" + word, 2, Instant.now(), "Rebuild 0 again " + word, word + " text.", "TASS", "2021-01-15", List.of()));
        awaitTitle("rebuild-0-" + word, "Rebuild 0 again " + word);
        for (int i = 1; i < 5; i++) {
            awaitTitle("rebuild-" + i + "-" + word, "Rebuild " + i + " " + word);
        }
        List<String> before = given().queryParam("q", word).get("/articles").then().statusCode(200)
                .extract().jsonPath().getList("items.title");
        String index = given().get("/index").then().statusCode(200).extract().path("index");

        given().post("/index/rebuild").then().statusCode(202).body("from", equalTo(index));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/index").then().statusCode(200)
                .body("rebuild.finished", notNullValue()).body("rebuild.failure", equalTo(null)));
        String rebuilt = given().get("/index").then().extract().path("index");
        given().post(SharedSearchNode.url() + "/articles/_refresh").then().statusCode(200);

        assertNotEquals(index, rebuilt);
        assertEquals(before, given().queryParam("q", word).get("/articles").then().statusCode(200)
                .extract().jsonPath().getList("items.title"));
        assertEquals(5, before.size());
    }
}

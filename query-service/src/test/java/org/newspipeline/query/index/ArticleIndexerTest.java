package org.newspipeline.query.index;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.TestTopics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.publish;

/** What the index refuses goes alone to the dead-letter topic; the rest of its batch is indexed. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class ArticleIndexerTest {

    @Test
    void an_article_the_index_refuses_goes_alone_to_the_dlq_and_stays_in_postgresql() {
        String word = "zx" + UUID.randomUUID().toString().substring(0, 8);
        String before = "index-before-" + word;
        String refused = "index-refused-" + word;
        String after = "index-after-" + word;
        publish(article(before, 1, Instant.now(), "Indexed before " + word, word, "TASS", "2021-01-01", List.of()));
        // A version below zero: OpenSearch refuses the whole bulk request that holds it.
        publish(article(refused, -1, Instant.now(), "Refused " + word, word, "TASS", "2021-01-01", List.of()));
        publish(article(after, 1, Instant.now(), "Indexed after " + word, word, "TASS", "2021-01-01", List.of()));

        awaitTitle(before, "Indexed before " + word);
        awaitTitle(after, "Indexed after " + word);
        ConsumerRecord<String, byte[]> dead = TestTopics.awaitKey(Topics.ENRICHED_DLQ, refused, Duration.ofSeconds(30));
        String reason = TestTopics.header(dead, "dead-letter-reason");
        assertTrue(reason.startsWith("the search index refused the article"), reason);
        given().get("/articles/{id}", refused).then().statusCode(200).body("title", equalTo("Refused " + word));
        given().queryParam("q", word).get("/articles").then().statusCode(200).body("total", equalTo(2));
    }
}

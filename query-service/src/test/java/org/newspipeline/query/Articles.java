package org.newspipeline.query;

import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.SharedSearchNode;
import org.newspipeline.testing.TestTopics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Builds enriched articles and publishes them the way enrich-service does. */
public final class Articles {

    private Articles() {
    }

    public static EnrichedArticle article(String id, int version, String title, String body) {
        return article(id, version, Instant.parse("2020-01-01T00:00:00Z"), title, body, "TASS", "2020-05-26", List.of());
    }

    public static EnrichedArticle article(String id, int version, Instant enrichedAt, String title, String body,
                                          String source, String day, List<Entity> entities) {
        return new EnrichedArticle(1, id, version, enrichedAt, "http", Instant.now(), null, title, body, "en",
                new EnrichedArticle.Source(source, EnrichedArticle.Source.Kind.AGENCY, EnrichedArticle.Source.Evidence.DATELINE),
                new EnrichedArticle.Dateline("MOSCOW", "MOSCOW, May 26. /TASS/."), Instant.parse(day + "T00:00:00Z"),
                null, entities, List.of());
    }

    public static Entity entity(String name, EnrichedArticle.Entity.Type type, String... aliases) {
        return new Entity(name, type, List.of(aliases), null, List.of(), 0.5);
    }

    public static void publish(EnrichedArticle a) {
        TestTopics.send(Topics.ENRICHED, a.id(), ContractJson.write(a));
    }

    /** Waits until the article is stored with that title and the search index shows it so. */
    public static void awaitTitle(String id, String title) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/articles/{id}", id).then().statusCode(200).body("title", equalTo(title)));
        String index = SharedSearchNode.url() + "/articles";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get(index + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).then().statusCode(200)
                        .body("_source.title", equalTo(title)));
        given().post(index + "/_refresh").then().statusCode(200);
    }
}

package org.newspipeline.query.http;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.query.Articles;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.UniqueWords;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.awaitTitle;
import static org.newspipeline.query.Articles.publish;

@QuarkusTest
@WithTestResource(SearchTestResource.class)
class ArticleResourceTest {

    @Test
    void a_published_article_is_found_by_its_words_with_highlights() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String id = "q-" + UUID.randomUUID();
        publish(article(id, 1, "Peacekeeping <reform>", "The " + word + " mission & its peacekeeping mandate."));

        awaitTitle(id, "Peacekeeping <reform>");
        given().queryParam("q", word).get("/articles")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].source", equalTo("TASS"))
                .body("items[0].snippet", containsString("<mark>" + word + "</mark>"))
                .body("items[0].snippet", containsString("&amp;"));
    }

    @Test
    void the_best_match_comes_first() {
        String word = "zr" + UUID.randomUUID().toString().substring(0, 8);
        String weak = "weak-" + UUID.randomUUID();
        String strong = "strong-" + UUID.randomUUID();
        publish(article(weak, 1, "Other news", "Mentions " + word + " once among many other words here."));
        publish(article(strong, 1, "All about " + word, word + " " + word + " and more " + word));

        awaitTitle(strong, "All about " + word);
        awaitTitle(weak, "Other news");
        given().queryParam("q", word).get("/articles")
                .then().body("items.id", equalTo(List.of(strong, weak)));
    }

    @Test
    void an_entity_no_article_mentions_any_more_is_no_longer_suggested() {
        String name = "Ozzwald" + UniqueWords.letters(6) + " Prime";
        String id = "e-" + UUID.randomUUID();
        publish(Articles.article(id, 1, Instant.parse("2020-01-01T00:00:00Z"), "Before", "Text.", "TASS", "2020-05-26",
                List.of(Articles.entity(name, EnrichedArticle.Entity.Type.PERSON))));
        awaitTitle(id, "Before");
        given().queryParam("prefix", name.substring(0, 12)).get("/entities").then().body("name", hasItem(name));

        // Enriched again after a correction: the entity is gone from the article.
        publish(Articles.article(id, 1, Instant.parse("2020-01-02T00:00:00Z"), "After", "Text.", "TASS", "2020-05-26", List.of()));
        awaitTitle(id, "After");
        given().queryParam("prefix", name.substring(0, 12)).get("/entities").then().body("name", not(hasItem(name)));
    }

    @Test
    void unknown_id_is_404_problem() {
        given().get("/articles/{id}", "nope").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void limit_over_the_maximum_is_400_problem() {
        given().queryParam("limit", 101).get("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limit"));
    }

    @Test
    void openapi_documents_the_search() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/articles/{id}"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
    }
}

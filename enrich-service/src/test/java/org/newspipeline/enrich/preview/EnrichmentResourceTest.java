package org.newspipeline.enrich.preview;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.HostileRequests;
import org.newspipeline.testing.HttpFuzzer;
import org.newspipeline.testing.PipelineTestResource;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** {@code POST /enrichments}: the enrichment as it would be published, for any input up to the size limit. */
@QuarkusTest
@WithTestResource(PipelineTestResource.class)
class EnrichmentResourceTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void preview_returns_the_enrichment_without_publishing() {
        given().contentType(ContentType.JSON)
                .body("{\"text\":\"VITEBSK DISTRICT, 16 October (BelTA) – In 2020 the bloc said so.\","
                        + "\"referenceDate\":\"2020-10-17\"}")
                .when().post("/enrichments")
                .then().statusCode(200)
                .body("source.name", equalTo("BelTA"))
                .body("dateline.place", equalTo("VITEBSK DISTRICT"))
                .body("publishedAt", equalTo("2020-10-16T00:00:00Z"))
                .body("publication.source", equalTo("DATELINE"));
    }

    @Test
    void preview_of_hostile_text_answers_and_absurd_dates_are_400() {
        given().contentType(ContentType.TEXT).body("Abc. ".repeat(50_000))
                .when().post("/enrichments")
                .then().statusCode(200).body("skipped[0]", containsString("entities: searched in the first"));
        given().contentType(ContentType.JSON).body("{\"text\":\"x\",\"referenceDate\":\"+999999999-12-31T23:59:59Z\"}")
                .when().post("/enrichments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'referenceDate' must lie between"));
    }

    @Test
    void a_stated_language_wins_and_a_bad_one_is_400() {
        given().contentType(ContentType.JSON).body("{\"text\":\"Angela Merkel besuchte am Montag die Stadt München.\",\"language\":\"de\"}")
                .post("/enrichments").then().statusCode(200).body("language", equalTo("de"))
                .body("entities.name", hasItem("Angela Merkel")).body("entities.name", not(hasItem("Montag")));
        given().contentType(ContentType.JSON).body("{\"text\":\"Text.\",\"language\":\"German\"}")
                .post("/enrichments").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'language'"));
    }

    @Test
    void a_body_over_the_limit_is_413_with_a_problem() {
        given().contentType(ContentType.TEXT).body("x".repeat(1024 * 1024 + 1))
                .post("/enrichments")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("1048576 bytes"));
    }

    @Test
    void preview_rejects_blank_text_with_400_problem() {
        given().contentType(ContentType.JSON).body("{\"text\":\" \"}")
                .when().post("/enrichments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void generated_previews_never_fail() throws Exception {
        // Each language's entity model loads on its first article (seconds from a cold disk); the
        // fuzzer's time limit is for texts, not for that.
        for (String language : List.of("en", "de", "es", "fr")) {
            given().contentType(ContentType.JSON).body("{\"text\":\"Angela Merkel traf Emmanuel Macron in Paris.\",\"language\":\""
                    + language + "\"}").post("/enrichments").then().statusCode(200);
        }
        HttpFuzzer.run("POST /enrichments", new HostileRequests(base.toString(), 41).previews(1000)).assertNoFailures();
    }
}

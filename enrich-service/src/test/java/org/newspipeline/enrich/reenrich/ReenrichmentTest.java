package org.newspipeline.enrich.reenrich;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.PipelineTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;
import org.newspipeline.testing.UniqueWords;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A catalog correction, then re-enrichment of the stored articles that name the entity. */
@QuarkusTest
@WithTestResource(PipelineTestResource.class)
class ReenrichmentTest {

    @Test
    void stored_articles_naming_a_corrected_entity_are_enriched_again() {
        String suffix = UniqueWords.letters(5);
        String acronym = "VXL" + suffix.toUpperCase();
        String name = "Vexlor" + suffix + " Group";
        List<String> ids = List.of("re-" + UUID.randomUUID(), "re-" + UUID.randomUUID(), "re-" + UUID.randomUUID());
        for (String id : ids) {
            TestTopics.send(Topics.RAW, id, ContractJson.write(new RawArticle(RawArticle.SCHEMA_VERSION, id, "http",
                    Instant.now(), null, null, "MINSK, May 26. /BelTA/. The " + acronym + " said on Monday it would invest.",
                    null, null, null, "en", null, List.of())));
        }
        ids.forEach(id -> TestTopics.awaitKey(Topics.ENRICHED, id, Duration.ofSeconds(30)));

        given().contentType(ContentType.JSON).body("{\"type\":\"ORGANIZATION\",\"aliases\":[\"" + acronym + "\"],\"reason\":\"known now\"}")
                .put("/catalog/entities/{name}", name).then().statusCode(200);
        String location = given().contentType(ContentType.JSON)
                .body("{\"entity\":\"" + name + "\",\"reason\":\"the catalog knows " + acronym + " now\"}")
                .post("/reenrichments").then().statusCode(202).extract().header("Location");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("state", equalTo("DONE")));
        given().get(location).then().body("matched", equalTo(3)).body("done", equalTo(3)).body("failed", equalTo(0));
        Map<String, EnrichedArticle> latest = latest(ids);
        assertEquals(3, latest.size());
        latest.values().forEach(a -> assertTrue(a.entities().stream().anyMatch(e -> e.name().equals(name)), a.entities().toString()));
    }

    @Test
    void a_correction_can_ask_for_the_re_enrichment_of_the_articles_naming_it() {
        String name = "Quorvex" + UniqueWords.letters(5) + " Holdings";
        given().contentType(ContentType.JSON).body("{\"type\":\"ORGANIZATION\",\"reason\":\"a test company\"}")
                .put("/catalog/entities/{name}", name).then().statusCode(200);
        String id = "block-" + UUID.randomUUID();
        TestTopics.send(Topics.RAW, id, ContractJson.write(new RawArticle(RawArticle.SCHEMA_VERSION, id, "http",
                Instant.now(), null, null, "MINSK, May 26. /BelTA/. " + name + " said on Monday it would invest in Minsk.",
                null, null, null, "en", null, List.of())));
        TestTopics.awaitKey(Topics.ENRICHED, id, Duration.ofSeconds(30));
        assertTrue(latest(id).entities().stream().anyMatch(e -> e.name().equals(name)), "known before the block");

        String reenrichment = given().contentType(ContentType.JSON)
                .body("{\"text\":\"" + name + "\",\"reason\":\"not a company\",\"reenrich\":true}")
                .post("/catalog/blocklist").then().statusCode(201).extract().header("Link");
        String location = reenrichment.substring(reenrichment.indexOf('<') + 1, reenrichment.indexOf('>'));
        assertTrue(reenrichment.contains("rel=\"reenrichment\""), reenrichment);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get(location).then().statusCode(200).body("state", equalTo("DONE")));
        given().get(location).then().body("matched", equalTo(1)).body("request.reason", containsString("not a company"));
        assertTrue(latest(id).entities().stream().noneMatch(e -> e.name().equals(name)), latest(id).entities().toString());
    }

    private static EnrichedArticle latest(String id) {
        return latest(List.of(id)).get(id);
    }

    /** The last enrichment of each article on the topic. */
    private static Map<String, EnrichedArticle> latest(List<String> ids) {
        Map<String, EnrichedArticle> latest = new HashMap<>();
        TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.ENRICHED, r -> {
            if (ids.contains(r.key())) {
                latest.put(r.key(), ContractJson.read(r.value(), EnrichedArticle.class));
            }
        });
        return latest;
    }

    @Test
    void a_request_without_a_reason_or_with_a_bad_date_is_400() {
        given().contentType(ContentType.JSON).body("{\"entity\":\"x\"}").post("/reenrichments").then().statusCode(400)
                .body("detail", containsString("reason"));
        given().contentType(ContentType.JSON).body("{\"from\":\"yesterday\",\"reason\":\"r\"}").post("/reenrichments")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"from\":\"2026-01-01\",\"to\":\"2020-01-01\",\"reason\":\"r\"}")
                .post("/reenrichments").then().statusCode(400).body("detail", containsString("before"));
        given().get("/reenrichments/{id}", "nope").then().statusCode(404);
    }

    @Test
    void wrong_json_types_are_400_and_everything_must_be_asked_for() {
        for (String body : List.of("{\"reason\":\"x\",\"entity\":[\"a\"]}", "{\"reason\":\"x\",\"source\":{\"a\":1}}",
                "{\"reason\":123,\"entity\":\"a\"}", "{\"reason\":\"x\",\"all\":\"yes\"}", "{\"reason\":\"x\",\"all\":1}")) {
            given().contentType(ContentType.JSON).body(body).post("/reenrichments").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", not(containsString("Source:")));
        }
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\",\"entity\":\"a\"}").post("/reenrichments")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\",\"entity\":\" \"}").post("/reenrichments")
                .then().statusCode(400).body("detail", containsString("'entity'"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"everything\"}").post("/reenrichments")
                .then().statusCode(400).body("detail", containsString("'all' must be true"));
        // All, but bounded to a time nothing arrived in: the shared topic is not replayed for every test.
        given().contentType(ContentType.JSON).body("{\"reason\":\"everything\",\"all\":true,\"to\":\"1990-01-01\"}")
                .post("/reenrichments").then().statusCode(202);
    }
}

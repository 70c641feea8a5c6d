package org.newspipeline.enrich.catalog;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.enrich.entity.EntityCatalog;
import org.newspipeline.testing.PipelineTestResource;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.UniqueWords;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Corrections through the API, on the real catalog topic: they change what the next enrichment
 * finds, another replica following the topic applies them too, and the history says who and why.
 */
@QuarkusTest
@WithTestResource(PipelineTestResource.class)
class CatalogResourceTest {

    private static String preview(String text) {
        return given().contentType(ContentType.TEXT).body(text).post("/enrichments").then().statusCode(200).extract().asString();
    }

    @Test
    void a_new_entity_and_a_merge_change_the_next_enrichment_on_every_replica() {
        String suffix = UniqueWords.letters(6);
        String institute = "Zorblax" + suffix + " Institute";
        String acronym = "ZBX" + suffix.toUpperCase();
        LiveCatalog otherReplica = new LiveCatalog(EntityCatalog.load(Optional.empty()));
        new CatalogTopic(otherReplica, java.util.Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers())).start(null);

        given().contentType(ContentType.JSON)
                .body("{\"type\":\"ORGANIZATION\",\"aliases\":[\"" + acronym + "\"],\"reason\":\"a new body\",\"by\":\"editor-1\"}")
                .put("/catalog/entities/{name}", institute).then().statusCode(200)
                .body("name", equalTo(institute)).body("aliases", hasItem(acronym));

        given().contentType(ContentType.TEXT).body("MINSK, May 26. /BelTA/. The " + acronym + " said on Monday it would help.")
                .post("/enrichments").then().statusCode(200)
                .body("entities.find { it.name == '" + institute + "' }.mentions[0].text", equalTo(acronym));
        await().atMost(Duration.ofSeconds(5)).until(() -> otherReplica.get().byAlias(acronym).isPresent());

        String other = institute.replace("Institute", "Foundation");
        given().contentType(ContentType.JSON).body("{\"type\":\"ORGANIZATION\",\"aliases\":[],\"reason\":\"typo\"}")
                .put("/catalog/entities/{name}", other).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"into\":\"" + institute + "\",\"reason\":\"the same body\",\"by\":\"editor-2\"}")
                .post("/catalog/entities/{name}/merge", other).then().statusCode(200).body("aliases", hasItem(other));
        given().contentType(ContentType.TEXT).body("The " + other + " met on Monday.").post("/enrichments").then()
                .body("entities.name", hasItem(institute));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                otherReplica.get().byAlias(other).map(k -> k.name().equals(institute)).orElse(false));

        given().get("/catalog/history").then().statusCode(200)
                .body("find { it.name == '" + institute + "' && it.changedBy == 'editor-2' }.reason", equalTo("the same body"));
    }

    @Test
    void a_blocked_string_is_no_entity_until_unblocked() {
        String suffix = UniqueWords.letters(6);
        String name = "Qworp" + suffix + " Council";
        given().contentType(ContentType.JSON).body("{\"type\":\"ORGANIZATION\",\"aliases\":[]}")
                .put("/catalog/entities/{name}", name).then().statusCode(200);
        String text = "The " + name + " met on Monday.";
        given().contentType(ContentType.TEXT).body(text).post("/enrichments").then().body("entities.name", hasItem(name));

        given().contentType(ContentType.JSON).body("{\"text\":\"" + name + "\",\"reason\":\"not a body\"}")
                .post("/catalog/blocklist").then().statusCode(201);
        given().contentType(ContentType.TEXT).body(text).post("/enrichments").then().body("entities.name", not(hasItem(name)));

        given().delete("/catalog/blocklist/{text}", name).then().statusCode(204);
        given().contentType(ContentType.TEXT).body(text).post("/enrichments").then().body("entities.name", hasItem(name));
    }

    @Test
    void bad_corrections_are_400_problems() {
        given().contentType(ContentType.JSON).body("{\"aliases\":[]}").put("/catalog/entities/{name}", "X Y")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("type"));
        given().contentType(ContentType.JSON).body("{\"type\":\"PLANET\"}").put("/catalog/entities/{name}", "X Y")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"into\":\"Nobody " + UUID.randomUUID() + "\"}")
                .post("/catalog/entities/{name}/merge", "X Y").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}").post("/catalog/blocklist").then().statusCode(400);
        given().get("/catalog/entities/{name}", "Nobody " + UUID.randomUUID()).then().statusCode(404);
        given().queryParam("prefix", "Collective Sec").get("/catalog/entities").then().statusCode(200)
                .body("name", hasItem("Collective Security Treaty Organization"));
    }

    @Test
    void deleting_an_alias_is_refused_and_an_alias_can_be_removed_on_its_own() {
        String suffix = UniqueWords.letters(6);
        String entity = "Probeland " + suffix + " Corp";
        String alias = "ProbeAlias" + suffix;
        given().contentType(ContentType.JSON).body("{\"type\":\"ORGANIZATION\",\"aliases\":[\"" + alias + "\",\"PBC" + suffix
                + "\"],\"reason\":\"test\"}").put("/catalog/entities/{name}", entity).then().statusCode(200);

        given().delete("/catalog/entities/{name}", alias).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is an alias of '" + entity + "'"));
        given().get("/catalog/entities/{name}", entity).then().statusCode(200).body("aliases", hasItem(alias));
        given().delete("/catalog/entities/UN").then().statusCode(409);
        given().get("/catalog/entities/{name}", "United Nations").then().statusCode(200);

        given().delete("/catalog/entities/{name}/aliases/{alias}", entity, alias).then().statusCode(200)
                .body("name", equalTo(entity)).body("aliases", not(hasItem(alias))).body("aliases", hasItem("PBC" + suffix));
        given().get("/catalog/entities/{name}", alias).then().statusCode(404);
        given().delete("/catalog/entities/{name}/aliases/{alias}", entity, alias).then().statusCode(404);
        given().delete("/catalog/entities/{name}", entity).then().statusCode(204);
        given().get("/catalog/entities/{name}", entity).then().statusCode(404);
    }

    @Test
    void wrong_types_unstorable_text_and_bad_limits_are_400_problems_naming_the_field() {
        given().contentType(ContentType.JSON).body("{\"text\":123}").post("/catalog/blocklist").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'text'"));
        given().contentType(ContentType.JSON).body("{\"text\":\"a\\u0000b\"}").post("/catalog/blocklist").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NUL"));
        given().contentType(ContentType.JSON).body("{\"text\":\"a\\uD800b\"}").post("/catalog/blocklist").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"type\":\"PERSON\",\"aliases\":[1]}").put("/catalog/entities/{name}", "X Y")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("aliases"));
        for (String country : List.of("UK", "Germany", "\u0131t", "", "gb ")) {
            given().contentType(ContentType.JSON).body(Map.of("type", "LOCATION", "countryCode", country))
                    .put("/catalog/entities/{name}", "X Y").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'countryCode'"));
        }
        given().contentType(ContentType.JSON).body("{\"type\":\"PERSON\",\"aliases\":[\"a\\u0000\"]}")
                .put("/catalog/entities/{name}", "X Y").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"into\":\"United Nations\",\"reenrich\":\"yes\"}")
                .post("/catalog/entities/{name}/merge", "X Y").then().statusCode(400).contentType("application/problem+json");
        for (String path : List.of("/catalog/entities", "/catalog/history", "/dlq")) {
            for (String limit : List.of("abc", "+5", "５", "99999999999")) {
                given().queryParam("limit", limit).get(path).then().statusCode(400).contentType("application/problem+json")
                        .body("detail", containsString("'limit'"));
            }
        }
        given().delete("/catalog/blocklist/{text}", " ").then().statusCode(400).contentType("application/problem+json");
        given().delete("/catalog/blocklist/{text}", "Never blocked " + UniqueWords.letters(6)).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"type\":\"PERSON\"}").put("/catalog/entities/{name}", "\tTab")
                .then().statusCode(400).body("detail", containsString("control characters"));
        given().contentType(ContentType.JSON).body("{\"type\":\"PERSON\",\"aliases\":\"x\"}").put("/catalog/entities/{name}", "X Y")
                .then().statusCode(400).body("detail", equalTo("malformed JSON: 'aliases': must be an array"));
        given().contentType(ContentType.JSON).body("{\"type\":\"PERSON\",\"aliases\":[null]}").put("/catalog/entities/{name}", "X Y")
                .then().statusCode(400).body("detail", containsString("'aliases'"));
        given().contentType(ContentType.JSON).body("[]").post("/catalog/blocklist")
                .then().statusCode(400).body("detail", equalTo("malformed JSON: must be an object"));
    }
}

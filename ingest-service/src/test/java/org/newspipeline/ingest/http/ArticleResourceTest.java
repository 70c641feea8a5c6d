package org.newspipeline.ingest.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.localstack.testing.PipelineTestResource;
import org.newspipeline.localstack.testing.TestTopics;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PipelineTestResource.class)
class ArticleResourceTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void plain_text_is_published_keyed_by_id_with_cloud_event_headers() {
        String text = "MOSCOW, May 26. /TASS/. A story " + UUID.randomUUID();

        String id = given().contentType(ContentType.TEXT).body(text)
                .when().post("/articles")
                .then().statusCode(202).body("id", matchesPattern("[0-9a-f]{16}"))
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = TestTopics.awaitKey(Topics.RAW, id, WAIT);
        RawArticle article = ContractJson.read(record.value(), RawArticle.class);
        assertEquals(text, article.body());
        assertEquals("http", article.origin());
        assertEquals(RawArticle.CLOUD_EVENT_TYPE, TestTopics.header(record, "ce_type"));
    }

    @Test
    void json_fields_are_carried_and_the_url_decides_the_id() {
        String body = """
                {"title":"T","body":"Some body %s","url":"https://Example.org/a/?utm_source=x",
                 "source":"TASS","publishedAt":"2020-05-26","language":"en"}""".formatted(UUID.randomUUID());

        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/articles").then().statusCode(202).extract().path("id");
        String sameUrl = given().contentType(ContentType.JSON)
                .body("{\"body\":\"other text\",\"url\":\"https://example.org/a\"}")
                .when().post("/articles").then().statusCode(202).extract().path("id");

        assertEquals(id, sameUrl);
        RawArticle article = ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class);
        assertEquals("TASS", article.source());
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), article.publishedAt());
    }

    @Test
    void the_same_text_gets_the_same_id() {
        String text = "Same story " + UUID.randomUUID();
        String first = given().contentType(ContentType.TEXT).body(text).post("/articles").then().extract().path("id");
        String second = given().contentType(ContentType.TEXT).body("  " + text.toUpperCase() + "\n")
                .post("/articles").then().extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void rejects_blank_body_with_400_problem() {
        given().contentType(ContentType.TEXT).body("   \n ")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("body"));
    }

    @Test
    void rejects_malformed_json_with_400_problem() {
        given().contentType(ContentType.JSON).body("{\"body\": ")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejects_an_unparsable_date_naming_the_field() {
        given().contentType(ContentType.JSON).body("{\"body\":\"x\",\"publishedAt\":\"yesterday\"}")
                .when().post("/articles")
                .then().statusCode(400).body("detail", containsString("publishedAt"));
    }

    @Test
    void rejects_a_body_over_the_limit_with_413() {
        given().contentType(ContentType.TEXT).body("x".repeat(1024 * 1024 + 1))
                .when().post("/articles")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void rejects_an_unsupported_media_type_with_415() {
        given().contentType("application/pdf").body(new byte[] {1, 2, 3})
                .when().post("/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void health_metrics_and_openapi_are_served() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/articles"));
    }
}

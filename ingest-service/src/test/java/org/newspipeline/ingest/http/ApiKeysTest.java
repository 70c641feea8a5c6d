package org.newspipeline.ingest.http;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.IngestTestResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With keys configured: writes and reads need them, and only the configured origin may call across sites. */
@QuarkusTest
@TestProfile(ApiKeysTest.WithKeys.class)
@WithTestResource(IngestTestResource.class)
class ApiKeysTest {

    static final String NEWSROOM = "https://newsroom.example";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.api-keys", "write-key-1,write-key-2", "news.read-keys", "read-key",
                    "news.cors-origins", NEWSROOM);
        }
    }

    private static String article() {
        return "MOSCOW, May 26. /TASS/. Keyed story " + UUID.randomUUID();
    }

    @Test
    void a_write_without_or_with_a_wrong_key_is_401_and_counted() {
        given().contentType(ContentType.TEXT).body(article()).post("/articles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer nope").body(article()).post("/articles")
                .then().statusCode(401).body("detail", containsString("not valid"));
        given().header("Authorization", "Bearer write-key-1").get("/q/metrics").then().statusCode(200)
                .body(containsString("news_http_refused_total{reason=\"wrong\"}"));
    }

    @Test
    void a_write_with_a_key_is_accepted() {
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer write-key-2").body(article()).post("/articles")
                .then().statusCode(202);
    }

    @Test
    void a_write_from_a_foreign_origin_is_403_even_with_a_key() {
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer write-key-1")
                .header("Origin", "http://evil.example").body(article()).post("/articles")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void the_configured_origin_may_call_across_sites() {
        given().header("Origin", NEWSROOM).header("Access-Control-Request-Method", "POST").options("/articles")
                .then().statusCode(204).header("Access-Control-Allow-Origin", NEWSROOM);
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST").options("/articles")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer write-key-1").header("Origin", NEWSROOM)
                .body(article()).post("/articles")
                .then().statusCode(202).header("Access-Control-Allow-Origin", NEWSROOM);
    }

    @Test
    void reads_need_a_read_or_api_key_but_health_probes_do_not() {
        given().get("/ingest/status").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        // A preflight is answered before any route: the metrics route, which takes every method, never sees it.
        given().header("Origin", "http://evil.example").options("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Origin", NEWSROOM).options("/q/metrics").then().statusCode(204).body(equalTo(""));
        given().header("Authorization", "Bearer read-key").get("/ingest/status").then().statusCode(200);
        given().header("Authorization", "Bearer write-key-1").get("/ingest/status").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}

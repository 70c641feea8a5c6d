package org.newspipeline.edge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The edge as a client meets it: keys and origins (HTTP security's policies), strict parameters
 * and limits (the filter), each refusal a problem body.
 */
@QuarkusTest
class EdgeFilterTest {

    private static RequestSpecification as(String key) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key);
    }

    @Test
    void reads_need_a_read_key_or_an_api_key() {
        given().get("/echo").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("Authorization: Bearer"));
        as("not-a-key").get("/echo").then().statusCode(401).body("detail", equalTo("the API key is not valid"));
        as("read-key").get("/echo?q=oil").then().statusCode(200).body(equalTo("q=oil entities=[] limit=10"));
        as("write-key").get("/echo").then().statusCode(200);
        given().header("Authorization", "bearer  read-key ").get("/echo").then().statusCode(200);
    }

    @Test
    void writes_need_an_api_key_and_a_read_key_is_not_one() {
        as("read-key").contentType("text/plain").body("x").post("/echo").then().statusCode(401)
                .body("detail", equalTo("the API key is not valid"));
        given().contentType("text/plain").body("x").post("/echo").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
        given().contentType("text/plain").body("x").put("/echo").then().statusCode(401);
        as("write-key").contentType("text/plain").body("x").post("/echo").then().statusCode(200).body(equalTo("took 1"));
    }

    @Test
    void a_path_that_security_decodes_further_than_the_router_gets_no_exemption() {
        // Decoded, "..%2F" climbs to /q/health/x, which a permission by path would have opened.
        given().urlEncodingEnabled(false).contentType("text/plain").body("x").post("/echo/..%2F..%2Fq%2Fhealth%2Fx")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().urlEncodingEnabled(false).get("/echo/..%2F..%2Fq%2Fhealth").then().statusCode(401);
        as("write-key").contentType("text/plain").body("x").post("/echo/a%2Fb").then().statusCode(200).body(equalTo("took a/b"));
    }

    @Test
    void a_write_from_a_foreign_web_origin_is_refused_even_with_a_key() {
        as("write-key").header("Origin", "https://evil.example").contentType("text/plain").body("x").post("/echo")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("detail", containsString("https://evil.example"));
        as("write-key").header("Origin", "https://allowed.example").contentType("text/plain").body("x").post("/echo")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://allowed.example");
        as("read-key").header("Origin", "https://evil.example").get("/echo")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void a_preflight_is_answered_for_allowed_origins_only() {
        given().header("Origin", "https://allowed.example").options("/echo").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://allowed.example")
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://evil.example").options("/echo").then().statusCode(403)
                .body("detail", containsString("not allowed from https://evil.example"));
    }

    @Test
    void parameters_are_decoded_strictly_and_named_when_refused() {
        // A malformed escape (%ZZ) no HTTP client here sends: HostileRequestsTest writes it on a socket.
        as("read-key").get("/echo?q=%ED%A0%80").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("parameter 'q' is not valid UTF-8"));
        as("read-key").get("/echo?q=%C0%80").then().statusCode(400).body("detail", equalTo("parameter 'q' is not valid UTF-8"));
        as("read-key").get("/echo?q=a%00b").then().statusCode(400).body("detail", containsString("parameter 'q'"));
        as("read-key").get("/echo?q%FF=a").then().statusCode(400).body("detail", equalTo("a parameter name is not valid UTF-8"));
        as("read-key").get("/echo/%ED%A0%80").then().statusCode(400).body("detail", equalTo("the path is not valid UTF-8"));
        as("read-key").get("/echo?q=caf%C3%A9+au+lait").then().statusCode(200).body(containsString("q=café au lait"));
    }

    @Test
    void a_parameter_given_twice_is_ambiguous_unless_it_may_repeat() {
        as("read-key").get("/echo?q=a&q=b").then().statusCode(400)
                .body("detail", containsString("parameter 'q' is given more than once"));
        as("read-key").get("/echo?entity=A&entity=B").then().statusCode(200).body(containsString("entities=[A, B]"));
    }

    @Test
    void numbers_are_whole_ascii_numbers_in_range() {
        for (String limit : new String[]{"0", "101", "%2B5", "%EF%BC%95", "1e2", "99999999999"}) {
            as("read-key").get("/echo?limit=" + limit).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", equalTo("'limit' must be a whole number from 1 to 100"));
        }
        as("read-key").get("/echo?limit=100").then().statusCode(200).body(containsString("limit=100"));
    }

    @Test
    void a_long_request_line_and_a_large_body_are_refused_with_a_problem() {
        as("read-key").get("/echo?q=" + "a".repeat(EdgeFilter.MAX_URI_CHARS)).then().statusCode(414)
                .contentType(Problem.MEDIA_TYPE);
        as("write-key").contentType("text/plain").body("x".repeat(1025)).post("/echo").then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE).body("detail", equalTo("the body is larger than 1024 bytes"));
    }
}

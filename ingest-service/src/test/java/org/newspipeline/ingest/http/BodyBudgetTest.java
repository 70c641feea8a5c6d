package org.newspipeline.ingest.http;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.IngestTestResource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(IngestTestResource.class)
class BodyBudgetTest {

    /** Two batches of almost 16 MB fill the default budget of 32 MiB. */
    static final long LARGE = 16_000_000;

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_body_beyond_the_bytes_in_flight_waits_its_turn_with_503_and_the_budget_comes_back_when_clients_go_away() throws Exception {
        try (Socket first = startUpload(); Socket second = startUpload()) {
            // Both announced their bodies and sent none: a third request is turned away before its body is read.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().contentType("application/x-ndjson").body("{\"body\":\"one more\"}\n".repeat(100_000).getBytes(StandardCharsets.UTF_8))
                            .post("/articles/batch").then().statusCode(503).header("Retry-After", "1")
                            .contentType("application/problem+json").body("detail", containsString("ingest.max-in-flight")));
        }
        // The two clients went away without a body: what they held is free again.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().contentType(ContentType.TEXT).body("A story after the budget came back " + System.nanoTime())
                        .post("/articles").then().statusCode(202).body("status", equalTo("accepted")));
    }

    /** A batch request whose headers promise a large body that never comes. */
    private Socket startUpload() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /articles/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + LARGE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}

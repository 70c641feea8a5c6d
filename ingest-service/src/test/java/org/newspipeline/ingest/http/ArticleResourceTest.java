package org.newspipeline.ingest.http;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.testing.HostileRequests;
import org.newspipeline.testing.HttpFuzzer;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.TestTopics;
import org.newspipeline.testing.TraceParent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(IngestTestResource.class)
class ArticleResourceTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

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

    @Inject
    InMemorySpanExporter spans;

    @Test
    void a_posted_article_is_published_in_the_callers_trace() {
        TraceParent caller = TraceParent.random();
        String id = given().contentType(ContentType.TEXT).header(TraceParent.HEADER, caller.header())
                .body("MOSCOW, May 26. /TASS/. A traced story " + UUID.randomUUID())
                .when().post("/articles")
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, byte[]> record = TestTopics.awaitKey(Topics.RAW, id, WAIT);

        assertEquals(caller.traceId(), TraceParent.traceIdOf(TestTopics.header(record, TraceParent.HEADER)));
        await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(caller.traceId()) && s.getParentSpanId().equals(caller.spanId())));
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
                .when().post("/articles").then().statusCode(200).body("status", equalTo("duplicate")).extract().path("id");

        assertEquals(id, sameUrl);
        RawArticle article = ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class);
        assertEquals("TASS", article.source());
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), article.publishedAt());
    }

    @Test
    void the_same_text_again_is_reported_as_a_duplicate_with_the_same_id() {
        String text = "Same story " + UUID.randomUUID();
        String first = given().contentType(ContentType.TEXT).body(text).post("/articles")
                .then().statusCode(202).body("status", equalTo("accepted")).extract().path("id");
        String second = given().contentType(ContentType.TEXT).body("  " + text.toUpperCase() + "\n")
                .post("/articles").then().statusCode(200).body("status", equalTo("duplicate")).extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void an_html_page_gives_title_date_canonical_url_and_text() {
        String page = """
                <html lang="en"><head><title>Site | Fallback</title>
                <meta property="og:title" content="Lavrov on peacekeeping">
                <meta property="article:published_time" content="2018-09-26T10:00:00+03:00">
                <link rel="canonical" href="https://tass.com/politics/%s"></head>
                <body><nav>All news</nav><article><p>UN, September 26. /TASS/. Changes are overdue.</p>
                <p>Second paragraph &amp; more.</p></article><script>var x;</script></body></html>""".formatted(UUID.randomUUID());

        String id = given().contentType("text/html").header("Content-Location", "https://tass.com/politics/latest")
                .body(page).post("/articles").then().statusCode(202).extract().path("id");

        RawArticle article = ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class);
        assertEquals("Lavrov on peacekeeping", article.title());
        assertEquals(Instant.parse("2018-09-26T07:00:00Z"), article.publishedAt());
        assertEquals("UN, September 26. /TASS/. Changes are overdue.\n\nSecond paragraph & more.", article.body());
        assertEquals("en", article.language());
        assertEquals(true, article.url().startsWith("https://tass.com/politics/"));
    }

    @Test
    void links_are_web_addresses_and_a_page_cannot_claim_another_sites_address() {
        for (String url : List.of("javascript:alert(10)//https://x", "file:/etc/passwd", "ftp://example.org/a", "https://")) {
            given().contentType(ContentType.JSON).body("{\"body\":\"Text " + UUID.randomUUID() + "\",\"url\":\"" + url + "\"}")
                    .post("/articles").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("'url' must be an absolute http or https URL"));
        }
        String page = "<html><head><link rel=canonical href=\"https://victim.example/story\"><base href=\"javascript:x\">"
                + "</head><body><p>Text of a page " + UUID.randomUUID() + ", long enough to be kept as text.</p></body></html>";
        given().contentType("text/html").header("Content-Location", "javascript:alert(1)").body(page).post("/articles")
                .then().statusCode(400).body("detail", equalTo("'Content-Location' must be an absolute http or https URL of at most 2048 characters"));
        String onOwnHost = given().contentType("text/html").header("Content-Location", "https://attacker.example/a")
                .body(page).post("/articles").then().statusCode(202).extract().path("id");
        RawArticle stated = ContractJson.read(TestTopics.awaitKey(Topics.RAW, onOwnHost, WAIT).value(), RawArticle.class);
        assertEquals("https://attacker.example/a", stated.url());
        String unstated = given().contentType("text/html").body(page.replace("Text of", "Other text of")).post("/articles")
                .then().statusCode(202).extract().path("id");
        assertEquals(null, ContractJson.read(TestTopics.awaitKey(Topics.RAW, unstated, WAIT).value(), RawArticle.class).url());
    }

    @Test
    void a_language_is_a_code_a_media_type_any_case_and_an_international_host_a_host() {
        given().contentType(ContentType.JSON).body("{\"body\":\"Text " + UUID.randomUUID() + "\",\"language\":\"German\"}")
                .post("/articles").then().statusCode(400).body("detail", containsString("'language'"));
        String id = given().contentType(ContentType.JSON).body("{\"body\":\"Text " + UUID.randomUUID()
                + "\",\"language\":\"en-GB\",\"url\":\"https://www.süddeutsche.de/politik/" + UUID.randomUUID() + "\"}")
                .post("/articles").then().statusCode(202).extract().path("id");
        assertEquals("en", ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class).language());
        String page = "<html><head><title>T</title></head><body><p>A page " + UUID.randomUUID() + " in any case.</p></body></html>";
        String html = given().contentType("Text/HTML; charset=UTF-8").header("Content-Location", "https://example.org/cased")
                .body(page).post("/articles").then().statusCode(202).extract().path("id");
        RawArticle read = ContractJson.read(TestTopics.awaitKey(Topics.RAW, html, WAIT).value(), RawArticle.class);
        assertEquals("https://example.org/cased", read.url());
        assertTrue(read.body().startsWith("A page "), read.body());
    }

    @Test
    void a_page_nested_a_hundred_thousand_deep_is_refused_while_health_answers() throws Exception {
        String nested = "<body>" + "<div><span>".repeat(100_000) + "<p>LONDON. Some text.</p>";
        // Pages at the tag limit that cost the most to read, several at once, beside the nested one.
        String dense = "<body>" + "<b id=i>x<p>y".repeat(24_500);
        // A plain client: RestAssured would parse the HTML it sends itself, at a cost of its own.
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        posts.add(client.sendAsync(htmlPost(nested), HttpResponse.BodyHandlers.ofString()));
        for (int i = 0; i < 4; i++) {
            posts.add(client.sendAsync(htmlPost(dense), HttpResponse.BodyHandlers.ofString()));
        }
        int checks = 0;
        while (!posts.stream().allMatch(CompletableFuture::isDone)) {
            given().get("/q/health/live").then().time(org.hamcrest.Matchers.lessThan(5_000L)).statusCode(200);
            checks++;
        }
        assertTrue(checks > 0, "health was not asked while the pages were read");
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            HttpResponse<String> answer = post.get(1, TimeUnit.SECONDS);
            assertEquals(422, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            // Refused by the limits, not by the time limit.
            assertTrue(answer.body().contains("more than 50000"), answer.body());
        }
        HttpResponse<String> refused = client.send(htmlPost(nested), HttpResponse.BodyHandlers.ofString());
        assertTrue(refused.body().contains("more than 50000 tags"), refused.body());
        System.out.printf("health answered %d times while the pages were refused%n", checks);
    }

    private HttpRequest htmlPost(String html) {
        return HttpRequest.newBuilder(URI.create(base + "articles")).header("Content-Type", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(html)).build();
    }

    @Test
    void a_batch_answers_per_line() {
        String unique = UUID.randomUUID().toString();
        String batch = String.join("\n",
                "{\"body\":\"first " + unique + "\"}",
                "{\"body\":\"first " + unique + "\"}",
                "{\"body\": ",
                "{\"body\":\"   \"}",
                "",
                "{\"body\":\"third " + unique + "\",\"publishedAt\":\"2020-05-26\"}");

        given().contentType("application/x-ndjson").body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(2))
                .body("lines.line", equalTo(List.of(1, 2, 3, 4, 6)))
                .body("lines.status", equalTo(List.of("accepted", "duplicate", "rejected", "rejected", "accepted")))
                .body("lines[2].reason", containsString("line 3"));
    }

    @Test
    void an_empty_batch_is_400_problem() {
        given().contentType("application/x-ndjson").body("\n \n".getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(400).contentType("application/problem+json");
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
    void rejects_absurd_dates_naming_the_field() {
        for (String date : List.of("+294277-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
                "0000-01-01", "1799-12-31", "2999-01-01")) {
            given().contentType(ContentType.JSON).body("{\"body\":\"x\",\"publishedAt\":\"" + date + "\"}")
                    .when().post("/articles")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'publishedAt' must lie between"));
        }
        given().contentType(ContentType.JSON).body("{\"body\":\"x\",\"receivedAt\":\"+294277-01-01T00:00:00Z\"}")
                .when().post("/articles").then().statusCode(400).body("detail", containsString("receivedAt"));
    }

    @Test
    void rejects_text_no_database_can_store_naming_the_field() {
        given().contentType(ContentType.JSON).body("{\"body\":\"lone \\uD800 surrogate\"}")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'body': text contains an unpaired surrogate"));
        given().contentType(ContentType.JSON).body("{\"body\":\"x\",\"title\":\"a\\u0000b\"}")
                .when().post("/articles")
                .then().statusCode(400).body("detail", containsString("'title': text contains a NUL"));
        given().contentType(ContentType.TEXT).body("NUL \u0000 in plain text")
                .when().post("/articles")
                .then().statusCode(400).body("detail", containsString("'body' contains a NUL"));
    }

    @Test
    void rejects_fields_that_are_not_strings() {
        given().contentType(ContentType.JSON).body("{\"body\":42}")
                .when().post("/articles")
                .then().statusCode(400).body("detail", containsString("'body': must be a string, not a number"));
        given().contentType(ContentType.JSON).body("{\"body\":\"x\",\"title\":true}")
                .when().post("/articles")
                .then().statusCode(400).body("detail", containsString("'title': must be a string"));
    }

    @Test
    void the_largest_body_is_accepted_and_reaches_kafka_whole() {
        // Every character a JSON escape: the raw record is several times the body, and still fits.
        String body = "\"".repeat(1024 * 1024 - 64) + UUID.randomUUID();
        String id = given().contentType(ContentType.TEXT).body(body)
                .when().post("/articles")
                .then().statusCode(202).extract().path("id");
        assertEquals(body.length(), ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class)
                .body().length());
    }

    @Test
    void a_batch_over_5000_lines_is_413_and_publishes_nothing() {
        String marker = UUID.randomUUID().toString();
        String batch = IntStream.rangeClosed(1, 5001).mapToObj(i -> "{\"body\":\"" + marker + " " + i + "\"}")
                .collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("5000"));
    }

    @Test
    void concurrent_batches_on_a_healthy_broker_are_accepted_whole() throws Exception {
        int batches = 4;
        int lines = 2500;
        String marker = UUID.randomUUID().toString();
        List<CompletableFuture<Integer>> accepted = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int batch = b;
            String ndjson = IntStream.range(0, lines)
                    .mapToObj(i -> "{\"body\":\"Batch " + marker + " " + batch + " line " + i + " " + "word ".repeat(150) + "\"}")
                    .collect(Collectors.joining("\n"));
            accepted.add(CompletableFuture.supplyAsync(() -> given().contentType("application/x-ndjson")
                    .body(ndjson.getBytes(StandardCharsets.UTF_8)).when().post("/articles/batch")
                    .then().statusCode(200).body("unavailable", equalTo(0)).extract().path("accepted")));
        }
        for (CompletableFuture<Integer> a : accepted) {
            assertEquals(lines, a.get(120, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_gzip_body_is_inflated_and_a_bomb_is_413() throws IOException {
        String text = "MOSCOW, May 26. /TASS/. Compressed story " + UUID.randomUUID();
        String id = given().contentType(ContentType.TEXT).header("Content-Encoding", "gzip").body(gzip(text.getBytes(StandardCharsets.UTF_8)))
                .when().post("/articles").then().statusCode(202).extract().path("id");
        assertEquals(text, ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class).body());

        given().contentType(ContentType.TEXT).header("Content-Encoding", "gzip").body(gzip(new byte[20 * 1024 * 1024]))
                .when().post("/articles").then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).header("Content-Encoding", "br").body("x")
                .when().post("/articles").then().statusCode(415).body("detail", containsString("Content-Encoding"));
    }

    @Test
    void the_charset_or_a_byte_order_mark_decides_the_decoding() {
        String text = "МОСКВА, 26 мая. /ТАСС/. Проверка " + UUID.randomUUID();
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
        String id = given().contentType("text/plain").body(utf16).when().post("/articles")
                .then().statusCode(202).extract().path("id");
        assertEquals(text, ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class).body());

        String cp1251 = "Минск " + UUID.randomUUID();
        String id2 = given().contentType("text/plain; charset=windows-1251").body(cp1251.getBytes(Charset.forName("windows-1251")))
                .when().post("/articles").then().statusCode(202).extract().path("id");
        assertEquals(cp1251, ContractJson.read(TestTopics.awaitKey(Topics.RAW, id2, WAIT).value(), RawArticle.class).body());

        given().contentType("text/plain; charset=klingon").body("x".getBytes(StandardCharsets.UTF_8))
                .when().post("/articles").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void generated_posts_never_fail() throws Exception {
        HttpFuzzer.run("POST /articles", new HostileRequests(base.toString(), 31).articlePosts(1000)).assertNoFailures();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void rejects_an_unsupported_media_type_with_415() {
        given().contentType("application/pdf").body(new byte[] {1, 2, 3})
                .when().post("/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void health_metrics_and_openapi_are_served() {
        given().contentType(ContentType.TEXT).body("Counted " + UUID.randomUUID()).post("/articles").then().statusCode(202);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ingest_articles_total{outcome=\"accepted\",source=\"http\"}"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/articles"));
    }
}

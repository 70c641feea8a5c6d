package org.newspipeline.ingest.feed;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.TestTopics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds served from a local HTTP server that answers conditional GETs like a real one. */
@QuarkusTest
@QuarkusTestResource(IngestTestResource.class)
class FeedPollerTest {

    static final Path CAPTURES = Path.of("../../shared/data/feeds");
    static final Map<String, byte[]> FEEDS = new ConcurrentHashMap<>();
    static final AtomicInteger FULL_ANSWERS = new AtomicInteger();
    static final Map<String, String> USER_AGENTS = new ConcurrentHashMap<>();
    /** Requests in flight per Host header, and the most seen at once (per host and in all). */
    static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();
    static final Map<String, Integer> MOST_IN_FLIGHT = new ConcurrentHashMap<>();
    static HttpServer server;

    @Inject
    FeedPoller poller;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            USER_AGENTS.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            String host = exchange.getRequestHeaders().getFirst("Host").replaceAll(":\\d+$", "");
            int here = IN_FLIGHT.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            int all = IN_FLIGHT.values().stream().mapToInt(AtomicInteger::get).sum();
            MOST_IN_FLIGHT.merge(host, here, Math::max);
            MOST_IN_FLIGHT.merge("all", all, Math::max);
            if (path.startsWith("/slow")) {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            IN_FLIGHT.get(host).decrementAndGet();
            byte[] body = FEEDS.get(path);
            String etag = body == null ? null : "\"" + Arrays.hashCode(body) + "\"";
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                FULL_ANSWERS.incrementAndGet();
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void items_are_published_with_their_fields_and_a_304_publishes_nothing_new() {
        String unique = UUID.randomUUID().toString();
        String link = "https://example.org/news/" + unique;
        FEEDS.put("/synthetic.rss", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Example Outlet</title><link>https://example.org</link>
                <item><title>First</title><link>%s</link><author>a@example.org (Ann)</author>
                <category>politics</category><pubDate>Tue, 26 May 2020 10:00:00 GMT</pubDate>
                <description><![CDATA[<p>Body of the <b>first</b> item.</p>]]></description></item>
                <item><title>Undated</title><link>%s-2</link><pubDate>Terça, 25 Set 2018 10:00:00 -0300</pubDate>
                <description>Second item %s</description></item>
                </channel></rss>""".formatted(link, link, unique).getBytes(StandardCharsets.UTF_8));

        FeedState first = poller.poll(url("/synthetic.rss"));
        FeedState second = poller.poll(url("/synthetic.rss"));

        assertNull(first.lastError());
        assertEquals(2, first.items());
        assertEquals(0, first.undatedItems(), "the Portuguese date is read too");
        assertEquals(2, second.items(), "a 304 publishes nothing");
        RawArticle article = ContractJson.read(
                TestTopics.awaitKey(Topics.RAW, ArticleIds.of(link, ""), Duration.ofSeconds(20)).value(), RawArticle.class);
        assertEquals("First", article.title());
        assertEquals("Body of the first item.", article.body());
        assertEquals("Example Outlet", article.source());
        assertEquals(Instant.parse("2020-05-26T10:00:00Z"), article.publishedAt());
        assertEquals(List.of("politics"), article.categories());
        assertEquals("feed:" + url("/synthetic.rss"), article.origin());
        io.restassured.RestAssured.given().get("/ingest/status").then().statusCode(200)
                .body("feeds.'" + url("/synthetic.rss") + "'.items", org.hamcrest.Matchers.equalTo(2))
                .body("inbox.dir", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void feeds_are_read_with_our_user_agent_and_within_the_page_size_limit() {
        FEEDS.put("/agent.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
        assertNull(poller.poll(url("/agent.rss")).lastError());
        assertTrue(USER_AGENTS.get("/agent.rss").startsWith("news-pipeline/1.0"), USER_AGENTS.get("/agent.rss"));

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        FEEDS.put("/huge.rss", huge);
        assertEquals("feed larger than 5242880 bytes", poller.poll(url("/huge.rss")).lastError());
    }

    @Test
    void hosts_are_polled_in_parallel_and_each_host_one_feed_at_a_time() {
        byte[] feed = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        List<String> urls = new java.util.ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost")) {
            for (int i = 0; i < 3; i++) {
                String path = "/slow-" + host + "-" + i + ".rss";
                FEEDS.put(path, feed);
                urls.add("http://" + host + ":" + server.getAddress().getPort() + path);
            }
        }
        MOST_IN_FLIGHT.clear();

        poller.pollAll(urls);

        assertEquals(1, MOST_IN_FLIGHT.get("127.0.0.1"), "two requests at once to one host");
        assertEquals(1, MOST_IN_FLIGHT.get("localhost"), "two requests at once to one host");
        assertEquals(2, MOST_IN_FLIGHT.get("all"), "the two hosts were not polled at once");
    }

    @Test
    void feed_state_survives_a_restart(@org.junit.jupiter.api.io.TempDir Path stateDir) {
        FeedStateStore before = new FeedStateStore(stateDir);
        before.put("https://example.org/feed", new FeedState("\"e1\"", "Tue, 26 May 2020 10:00:00 GMT",
                Instant.parse("2020-05-26T10:00:00Z"), null, 5, 1));

        FeedStateStore after = new FeedStateStore(stateDir);

        assertEquals("\"e1\"", after.get("https://example.org/feed").etag());
        assertEquals(5, after.get("https://example.org/feed").items());
    }

    @Test
    void an_unreachable_feed_records_the_error() {
        FeedState state = poller.poll(url("/missing.rss"));
        assertEquals("HTTP 404", state.lastError());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss-parser_guardian.rss", "rss-parser_heise.atom", "rss-parser_physorg.rss", "rss-parser_uolNoticias.rss"})
    void real_captured_feeds_are_read(String capture) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CAPTURES), "skipped: ../shared/data/feeds is not beside this clone");
        FEEDS.put("/" + capture, Files.readAllBytes(CAPTURES.resolve(capture)));

        FeedState state = poller.poll(url("/" + capture));

        assertNull(state.lastError());
        assertTrue(state.items() > 0, capture + " published nothing");
        FeedState again = poller.poll(url("/" + capture));
        assertEquals(state.items(), again.items());
        String origin = "\"origin\":\"feed:" + url("/" + capture) + "\"";
        RawArticle item = ContractJson.read(TestTopics.await(Topics.RAW,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(origin), Duration.ofSeconds(20)).value(), RawArticle.class);
        String text = item.title() + item.body();
        assertTrue(!text.contains("\uFFFD") && !text.contains("Ã§") && !text.contains("Ã£"), "mojibake: " + text);
    }
}

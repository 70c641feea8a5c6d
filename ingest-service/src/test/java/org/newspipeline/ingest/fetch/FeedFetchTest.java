package org.newspipeline.ingest.fetch;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.ingest.feed.FeedPoller;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.ingest.feed.TestSources;
import org.newspipeline.ingest.fetch.LocalWeb.Answer;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Feed items' pages fetched from local sites (through {@link LocalWeb} as the proxy, so links keep
 * their real hosts): whole articles in, robots.txt obeyed, and every way a page can fail recorded
 * on the item, which still goes out with its feed text.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class FeedFetchTest {

    static final Path CAPTURES = Path.of("../../shared/data/feeds");
    private static final LocalWeb WEB = LocalWeb.get();

    @Inject
    FeedPoller poller;

    /** A news page: the story between navigation, a share bar and a footer. */
    static String page(String marker, String extraHead) {
        return """
                <html lang="en"><head><title>%1$s | Outlet</title>%2$s</head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
                <article><h1>%1$s</h1>
                <p>FULLTEXT %1$s. The first paragraph of the story tells what happened, where and when, as every
                good first paragraph does, and names the people involved.</p>
                <p>The second paragraph adds what the officials said, and what the critics answered, with the
                figures that matter to readers who want to know more.</p>
                <div class="share-bar"><a href="#">Share on Facebook</a></div></article>
                <footer>© Outlet · Contact · Privacy</footer></body></html>""".formatted(marker, extraHead);
    }

    @Test
    void every_guardian_item_is_stored_with_its_whole_page_and_robots_txt_is_read_once() throws IOException {
        assumeTrue(Files.isDirectory(CAPTURES), "skipped: ../shared/data/feeds is not beside this clone");
        String feed = Files.readString(CAPTURES.resolve("rss-parser_guardian.rss"))
                .replace("https://www.theguardian.com/", "http://www.theguardian.com/");
        WEB.site(LocalWeb.FEEDS, path -> path.equals("/guardian.rss") ? Answer.html(feed) : null);
        WEB.site("www.theguardian.com", path -> path.equals("/robots.txt") ? Answer.text("User-agent: *\nDisallow: /private/\n")
                : Answer.html(page(path, "")));
        List<String> links = links(feed);

        FeedStatus state = TestSources.poll(poller, WEB.direct("/guardian.rss"));

        assertNull(state.lastError());
        List<RawArticle> stored = awaitItems(WEB.direct("/guardian.rss"), links.size(),
                a -> a.fetch() == null && a.body().contains("FULLTEXT"));
        assertEquals(links.size(), stored.size(), "every item with its page");
        RawArticle one = stored.get(0);
        assertTrue(one.body().contains("The second paragraph adds"), one.body());
        assertTrue(!one.body().contains("Share on Facebook") && !one.body().contains("Privacy"), one.body());
        assertEquals(1, WEB.requested("www.theguardian.com").stream().filter(p -> p.equals("/robots.txt")).count());
        assertEquals(1, WEB.mostInFlight("www.theguardian.com"), "one request at a time per host");
    }

    @Test
    void uol_items_are_dated_from_their_portuguese_dates() throws IOException {
        assumeTrue(Files.isDirectory(CAPTURES), "skipped: ../shared/data/feeds is not beside this clone");
        String feed = new String(Files.readAllBytes(CAPTURES.resolve("rss-parser_uolNoticias.rss")), StandardCharsets.ISO_8859_1)
                .replace("https://", "http://");
        WEB.site(LocalWeb.FEEDS, path -> path.equals("/uol.rss") ? new Answer(200, "application/rss+xml; charset=iso-8859-1",
                feed.getBytes(StandardCharsets.ISO_8859_1), Map.of(), Duration.ZERO) : null);
        // The items link to a dozen UOL and Folha hosts; each answers with a page and no robots.txt.
        WEB.site("*", path -> path.equals("/robots.txt") ? Answer.status(404) : Answer.html(page(path, "")));

        TestSources.poll(poller, WEB.direct("/uol.rss"));

        List<RawArticle> stored = awaitItems(WEB.direct("/uol.rss"), links(feed).size(), a -> true);
        for (RawArticle item : stored) {
            assertNotNull(item.publishedAt(), item.url());
            assertEquals(LocalDate.of(2018, 9, 24), item.publishedAt().atOffset(ZoneOffset.ofHours(-3)).toLocalDate(), item.url());
        }
    }

    @Test
    void every_way_a_page_fails_is_recorded_and_the_item_still_goes_out() {
        String site = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        byte[] huge = new byte[30 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        WEB.site(site, path -> switch (path) {
            case "/robots.txt" -> Answer.text("User-agent: *\nDisallow: /private/\n");
            case "/moved" -> Answer.redirect("http://" + site + "/story");
            case "/story" -> Answer.html(page("story", "<link rel=\"canonical\" href=\"http://" + site + "/story\">"));
            case "/huge" -> new Answer(200, "text/html", huge, Map.of(), Duration.ZERO);
            case "/photo.png" -> new Answer(200, "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Map.of(), Duration.ZERO);
            case "/slow" -> new Answer(200, "text/html", page("slow", "").getBytes(StandardCharsets.UTF_8), Map.of(),
                    Duration.ofSeconds(4));
            case "/empty" -> Answer.html("<html><body><div id=\"app\"></div></body></html>");
            default -> null;
        });
        List<String> paths = List.of("/moved", "/private/secret", "/missing", "/huge", "/photo.png", "/slow", "/empty");
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>Item ").append(path).append("</title><link>http://").append(site).append(path)
                    .append("</link><description>Feed text of ").append(path).append(" on ").append(site)
                    .append(".</description><pubDate>Tue, 26 May 2020 10:00:00 GMT</pubDate></item>");
        }
        String feedPath = "/" + site + ".rss";
        WEB.site(LocalWeb.FEEDS, path -> path.equals(feedPath) ? Answer.html(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title>" + items + "</channel></rss>") : null);

        TestSources.poll(poller, WEB.direct(feedPath));

        List<RawArticle> out = awaitItems(WEB.direct(feedPath), paths.size(), a -> true);
        RawArticle moved = find(out, "/story");
        assertNull(moved.fetch());
        assertEquals("http://" + site + "/story", moved.url(), "the redirect's target is the article's address");
        assertTrue(moved.body().contains("FULLTEXT story"));
        assertFetch(out, site, "/private/secret", 0, "robots.txt disallows /private/");
        assertFetch(out, site, "/missing", 404, "HTTP 404");
        assertFetch(out, site, "/huge", 200, "larger than");
        assertFetch(out, site, "/photo.png", 200, "Content-Type image/png is not a web page");
        assertFetch(out, site, "/slow", 0, "");
        assertFetch(out, site, "/empty", 200, "no main text on the page");
        assertTrue(WEB.requested(site).stream().noneMatch(p -> p.startsWith("/private/")), "disallowed links are never fetched");
        // A slow page may pass: it is tried again with backoff, up to max-attempts (3 in tests).
        await().atMost(Duration.ofSeconds(30)).until(() -> WEB.requested(site).stream().filter("/slow"::equals).count() >= 2);
        given().get("/ingest/status").then().statusCode(200)
                .body("fetches.hosts.'" + site + "'.disallowed", greaterThanOrEqualTo(1))
                .body("fetches.hosts.'" + site + "'.failed", greaterThanOrEqualTo(5))
                .body("fetches.hosts.'" + site + "'.fetched", greaterThanOrEqualTo(1));
    }

    private static void assertFetch(List<RawArticle> out, String site, String path, int status, String reason) {
        RawArticle item = find(out, path);
        assertNotNull(item.fetch(), path + " has no fetch outcome");
        assertEquals(status, item.fetch().status(), path + ": " + item.fetch());
        assertTrue(item.fetch().reason().startsWith(reason), path + ": " + item.fetch());
        assertEquals("Feed text of " + path + " on " + site + ".", item.body(), "the feed's own text stays");
    }

    private static RawArticle find(List<RawArticle> articles, String path) {
        return articles.stream().filter(a -> a.url().endsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no article for " + path));
    }

    /** The latest version of each item published from this feed, once {@code count} of them match. */
    private static List<RawArticle> awaitItems(String feedUrl, int count, java.util.function.Predicate<RawArticle> match) {
        List<RawArticle> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, RawArticle> latest = new java.util.LinkedHashMap<>();
            TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.RAW, (ConsumerRecord<String, byte[]> r) -> {
                RawArticle a = ContractJson.read(r.value(), RawArticle.class);
                if (a.origin().equals("feed:" + feedUrl)) {
                    latest.put(r.key(), a);
                }
            });
            found.clear();
            latest.values().stream().filter(match).forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private static List<String> links(String feed) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("<item>.*?<link>(?:<!\\[CDATA\\[)?\\s*([^<\\]]+?)\\s*(?:]]>)?</link>", Pattern.DOTALL).matcher(feed);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }
}

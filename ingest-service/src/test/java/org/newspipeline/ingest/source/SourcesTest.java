package org.newspipeline.ingest.source;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.ingest.feed.FeedPoller;
import org.newspipeline.ingest.fetch.LocalWeb;
import org.newspipeline.ingest.fetch.LocalWeb.Answer;
import org.newspipeline.testing.SharedInfrastructure;
import org.newspipeline.testing.TestTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source directory through its API, on the shared Kafka: sources written, found, changed,
 * paused and deleted; added from a homepage alone; imported and exported as OPML; polled by the
 * replica that owns them, with health you can read.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class SourcesTest {

    private static final LocalWeb WEB = LocalWeb.get();

    @Inject
    FeedPoller poller;

    private static String host() {
        return "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private static String rss(String host, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed of ")
                .append(host).append("</title>");
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>Story ").append(i).append("</title><link>http://").append(host).append("/story/").append(i)
                    .append("</link><description>Story ").append(i).append(" of ").append(host)
                    .append(" tells what happened.</description><pubDate>Tue, 26 May 2020 10:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void a_source_is_written_found_changed_paused_and_deleted() {
        String host = host();
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "Example Times", "homepage", "https://www." + host + "/",
                        "country", "gb", "language", "en", "kind", "outlet", "feeds", List.of("https://www." + host + "/rss")))
                .post("/sources").then().statusCode(201).header("Location", containsString("/sources/"))
                .body("source.country", equalTo("GB")).body("health", equalTo("NEW")).extract().path("source.id");
        assertEquals(host.replace('.', '-'), id, "the id is made from the host, without www");

        given().get("/sources?q=example times&country=GB").then().statusCode(200).body("source.id", hasItem(id));
        given().get("/sources?kind=agency").then().statusCode(200).body("source.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().contentType(ContentType.JSON).body(Map.of("kind", "agency")).put("/sources/" + id).then().statusCode(200)
                .body("source.kind", equalTo("AGENCY")).body("source.name", equalTo("Example Times"));
        given().post("/sources/" + id + "/pause").then().statusCode(200).body("source.paused", equalTo(true));
        given().get("/sources?paused=true").then().statusCode(200).body("source.id", hasItem(id));
        given().post("/sources/" + id + "/resume").then().statusCode(200).body("source.paused", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://other.example/", "feeds", List.of("https://www." + host + "/rss")))
                .post("/sources").then().statusCode(409).body("detail", containsString("belongs to source '" + id + "'"));
        given().contentType(ContentType.JSON).body(Map.of("id", "opml", "homepage", "https://x.example/", "feeds", List.of()))
                .post("/sources").then().statusCode(400).body("detail", containsString("id"));
        given().get("/sources?limit=1&after=" + id.substring(0, id.length() - 1)).then().statusCode(200).body("$", hasSize(1));
        given().get("/sources?limit=0").then().statusCode(400).body("detail", containsString("limit"));
        given().delete("/sources/" + id).then().statusCode(204);
        given().get("/sources/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bad_sources_get_a_problem_naming_the_field() {
        given().contentType(ContentType.JSON).body(Map.of("homepage", "javascript:alert(1)", "feeds", List.of()))
                .post("/sources").then().statusCode(400).body("detail", containsString("homepage"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://a.example/", "feeds", List.of("file:///etc/passwd")))
                .post("/sources").then().statusCode(400).body("detail", containsString("feeds"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://a.example/", "feeds", List.of(), "country", "Germany"))
                .post("/sources").then().statusCode(400).body("detail", containsString("country"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://a.example/", "feeds", List.of(), "kind", "tabloid"))
                .post("/sources").then().statusCode(400).body("detail", containsString("kind"));
        given().contentType(ContentType.JSON).body("{\"homepage\":\"https://a.example/\",\"feeds\":\"https://a.example/rss\"}")
                .post("/sources").then().statusCode(400).body("detail", containsString("feeds"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://a.example/", "feeds", List.of(), "perHostDelay", -1))
                .post("/sources").then().statusCode(400).body("detail", containsString("perHostDelay"));
        given().get("/sources?health=sick").then().statusCode(400).body("detail", containsString("health"));
    }

    @Test
    void urls_are_kept_in_one_form_so_two_spellings_of_a_feed_are_one_and_credentials_are_not_kept() {
        String host = host();
        given().contentType(ContentType.JSON).body(Map.of("homepage", "HTTPS://" + host.toUpperCase() + ":443/",
                        "name", "Emoji News 🚀", "feeds", List.of("https://" + host + "/feed.xml", "HTTPS://" + host + "/feed.xml#top")))
                .post("/sources").then().statusCode(201).body("source.homepage", equalTo("https://" + host + "/"))
                .body("source.feeds", equalTo(List.of("https://" + host + "/feed.xml"))).body("source.name", equalTo("Emoji News 🚀"));
        for (String spelling : List.of("https://" + host.toUpperCase() + "/feed.xml", "https://" + host + ".:443/feed.xml?")) {
            given().contentType(ContentType.JSON).body(Map.of("homepage", "https://other-" + host + "/", "feeds", List.of(spelling)))
                    .post("/sources").then().statusCode(409).body("detail", containsString("belongs to source"));
        }
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://x.example/", "feeds", List.of("https://u:p@x.example/rss")))
                .post("/sources").then().statusCode(400).body("detail", containsString("user name or password"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://x.example:0/", "feeds", List.of()))
                .post("/sources").then().statusCode(400).body("detail", containsString("homepage"));
        given().contentType(ContentType.JSON).body("{\"homepage\":\"https://x.example/\",\"feeds\":[null]}")
                .post("/sources").then().statusCode(400).body("detail", containsString("feeds"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://x.example/", "feeds", List.of(), "name", "bad \uffff"))
                .post("/sources").then().statusCode(400).body("detail", containsString("name"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://x.example/", "feeds", List.of(), "country", "XX"))
                .post("/sources").then().statusCode(400).body("detail", containsString("country"));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://bücher-" + host + "/", "feeds", List.of()))
                .post("/sources").then().statusCode(201).body("source.homepage", containsString("xn--bcher-"));
    }

    @Test
    void of_many_creates_of_one_id_at_once_one_wins() throws Exception {
        String id = "race-" + host().substring(1, 9);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String site = "r" + i + "-" + id + ".example";
            answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(Map.of("id", id, "homepage", "https://" + site + "/",
                    "feeds", List.of("https://" + site + "/rss"))).post("/sources").statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void an_import_never_gives_one_feed_to_two_sources() {
        String a = host();
        String b = host();
        given().contentType(ContentType.JSON).body(Map.of("homepage", "https://" + b + "/", "feeds", List.of())).post("/sources")
                .then().statusCode(201);
        String opml = """
                <opml version="2.0"><body>
                <outline type="rss" text="A" xmlUrl="https://shared-%1$s/f" htmlUrl="https://%1$s/"/>
                <outline type="rss" text="B" xmlUrl="https://shared-%1$s/f" htmlUrl="https://%2$s/"/>
                </body></opml>""".formatted(a, b);
        given().contentType("text/x-opml").body(opml).post("/sources/opml").then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(0)).body("rejected", hasSize(1));
    }

    @Test
    void a_homepage_alone_finds_its_feeds_its_sitemaps_its_name_and_language() {
        String linked = host();
        WEB.site(linked, path -> switch (path) {
            case "/" -> Answer.html("<html lang=\"de-DE\"><head><title>Start</title><meta property=\"og:site_name\" content=\"Linked Zeitung\">"
                    + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/news.rss\">"
                    + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://" + linked + "/atom\"></head><body>Hallo</body></html>");
            case "/robots.txt" -> Answer.text("User-agent: *\nAllow: /\nSitemap: http://" + linked + "/news-sitemap.xml\n");
            default -> null;
        });
        given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + linked + "/")).post("/sources").then().statusCode(201)
                .body("source.name", equalTo("Linked Zeitung")).body("source.language", equalTo("de"))
                .body("source.feeds", equalTo(List.of("http://" + linked + "/news.rss", "http://" + linked + "/atom")))
                .body("source.sitemaps", equalTo(List.of("http://" + linked + "/news-sitemap.xml")));

        String bare = host();
        WEB.site(bare, path -> switch (path) {
            case "/" -> Answer.html("<html><head><title>Bare Site</title></head><body>No links here.</body></html>");
            case "/rss.xml" -> new Answer(200, "text/xml", rss(bare, 1).getBytes(), Map.of(), Duration.ZERO);
            default -> null;
        });
        given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + bare + "/")).post("/sources").then().statusCode(201)
                .body("source.name", equalTo("Bare Site")).body("source.feeds", equalTo(List.of("http://" + bare + "/rss.xml")));

        String down = host();
        WEB.site(down, path -> Answer.status(path.equals("/robots.txt") ? 404 : 410));
        given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + down + "/")).post("/sources").then()
                .statusCode(422).body("detail", containsString("could not be read"));

        // A homepage is read under a page's limits: nested beyond any real page, it is refused, not walked.
        String deep = host();
        WEB.site(deep, path -> path.equals("/") ? Answer.html("<html><body>" + "<div>".repeat(1_000) + "</body></html>") : null);
        given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + deep + "/")).post("/sources").then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("homepage"))
                .body("detail", containsString("nests elements"));
    }

    @Test
    void opml_is_imported_in_one_call_and_exported_again() {
        String a = host();
        String b = host();
        String opml = """
                <?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
                <outline text="News"><outline type="rss" text="A World" xmlUrl="http://%1$s/world.rss" htmlUrl="http://%1$s/"/>
                <outline type="rss" text="A Sport" xmlUrl="http://%1$s/sport.rss" htmlUrl="http://%1$s/"/></outline>
                <outline type="rss" text="B" xmlUrl="http://%2$s/feed"/>
                <outline type="rss" text="Not web" xmlUrl="ftp://%2$s/feed"/>
                </body></opml>""".formatted(a, b);

        given().contentType("text/x-opml").body(opml).post("/sources/opml").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", hasSize(0));
        given().get("/sources?q=" + a).then().statusCode(200).body("[0].source.feeds", hasSize(2));
        given().contentType("text/x-opml").body(opml).post("/sources/opml").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(2));
        String exported = given().get("/sources/opml").then().statusCode(200).contentType("text/x-opml").extract().asString();
        assertTrue(exported.contains("xmlUrl=\"http://" + a + "/sport.rss\"") && exported.contains("xmlUrl=\"http://" + b + "/feed\""), exported);
        given().contentType("text/x-opml").body("<html>not opml</html>").post("/sources/opml").then().statusCode(400)
                .body("detail", containsString("OPML"));
    }

    @Test
    void the_owner_polls_a_new_source_and_its_items_name_the_source() {
        String host = host();
        WEB.site(host, path -> switch (path) {
            case "/feed.rss" -> new Answer(200, "application/rss+xml", rss(host, 3).getBytes(), Map.of(), Duration.ZERO);
            case "/robots.txt" -> Answer.status(404);
            default -> Answer.html("<html><body><article><h1>Story</h1><p>" + "Long text of the story. ".repeat(30)
                    + path + "</p></article></body></html>");
        });
        given().contentType(ContentType.JSON).body(Map.of("id", "polled-" + host.substring(0, 9), "name", "Polled Daily",
                "homepage", "http://" + host + "/", "kind", "blog", "feeds", List.of("http://" + host + "/feed.rss")))
                .post("/sources").then().statusCode(201);

        List<RawArticle> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            items.clear();
            TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.RAW, (ConsumerRecord<String, byte[]> r) -> {
                RawArticle a = ContractJson.read(r.value(), RawArticle.class);
                if (a.url() != null && a.url().startsWith("http://" + host + "/story/") && a.fetch() == null) {
                    items.add(a);
                }
            });
            return items.size() >= 3;
        });
        assertEquals(3, items.stream().map(RawArticle::url).distinct().count());
        assertEquals("Polled Daily", items.get(0).outlet().name());
        assertTrue(items.get(0).body().contains("Long text of the story."), "the page's text");
        given().get("/sources/polled-" + host.substring(0, 9)).then().statusCode(200)
                .body("health", equalTo("OK")).body("itemsToday", equalTo(3)).body("feeds[0].items", equalTo(3));
        given().get("/ingest/status").then().statusCode(200).body("ownedPartitions", hasSize(12));
    }

    @Test
    void a_news_sitemap_named_in_robots_txt_gives_its_pages_once_each() {
        String host = host();
        String sitemap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>http://%1$s/a</loc><news:news><news:publication><news:name>S</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-12-01T10:00:00Z</news:publication_date><news:title>Sitemap Story A</news:title></news:news></url>
                <url><loc>http://%1$s/b</loc><news:news><news:publication><news:name>S</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-12-01T11:00:00Z</news:publication_date><news:title>Sitemap Story B</news:title></news:news></url>
                <url><loc>http://%1$s/old-archive</loc><lastmod>2001-01-01</lastmod></url>
                <url><loc>http://elsewhere.example/c</loc><news:news><news:publication><news:name>S</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-12-01T11:00:00Z</news:publication_date><news:title>Other host</news:title></news:news></url>
                </urlset>""".formatted(host);
        WEB.site(host, path -> switch (path) {
            case "/" -> Answer.html("<html lang=\"en\"><head><title>Mapped</title></head><body>x</body></html>");
            case "/robots.txt" -> Answer.text("User-agent: *\nAllow: /\nSitemap: http://" + host + "/sitemap-news.xml\n");
            case "/sitemap-news.xml" -> new Answer(200, "application/xml", sitemap.getBytes(), Map.of(), Duration.ZERO);
            case "/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml" -> null;
            default -> Answer.html("<html><body><article><p>" + "The page of the story says a lot. ".repeat(20) + path
                    + "</p></article></body></html>");
        });
        given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + host + "/")).post("/sources").then().statusCode(201)
                .body("source.sitemaps", hasSize(1)).body("source.feeds", hasSize(0));

        List<RawArticle> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            items.clear();
            TestTopics.readAll(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.RAW, (ConsumerRecord<String, byte[]> r) -> {
                RawArticle a = ContractJson.read(r.value(), RawArticle.class);
                if (a.url() != null && WEB.requested(host).contains("/sitemap-news.xml") && a.url().startsWith("http://" + host + "/")) {
                    items.add(a);
                }
            });
            return items.size() >= 2;
        });
        assertEquals(List.of("Sitemap Story A", "Sitemap Story B"), items.stream().map(RawArticle::title).sorted().toList());
        assertEquals(1, WEB.requested(host).stream().filter("/a"::equals).count(), "each URL fetched once");
        assertTrue(WEB.requested(host).stream().noneMatch("/old-archive"::equals), "an old sitemap URL is no news");
    }

    @Test
    void a_failing_feed_is_flagged_on_the_source_and_in_the_metrics() {
        String host = host();
        WEB.site(host, path -> Answer.status(path.equals("/robots.txt") ? 404 : 500));
        String id = given().contentType(ContentType.JSON).body(Map.of("homepage", "http://" + host + "/",
                "feeds", List.of("http://" + host + "/broken.rss"))).post("/sources").then().statusCode(201).extract().path("source.id");
        var source = given().get("/sources/" + id).then().extract().as(org.newspipeline.contract.SourceHealth.class).source();

        for (int i = 0; i < 5; i++) {
            poller.poll(source, "http://" + host + "/broken.rss");
        }

        given().get("/sources/" + id).then().statusCode(200).body("health", equalTo("FAILING"))
                .body("consecutiveFailures", org.hamcrest.Matchers.greaterThanOrEqualTo(5))
                .body("feeds[0].lastError", equalTo("HTTP 500"));
        given().get("/sources?health=failing").then().statusCode(200).body("source.id", hasItem(id));
        // The gauges count at most every 5 s.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            java.util.regex.Matcher failing = java.util.regex.Pattern.compile("ingest_sources\\{health=\"failing\"[^}]*} (\\d+)")
                    .matcher(metrics);
            assertTrue(failing.find() && Double.parseDouble(failing.group(1)) >= 1, "failing sources in /q/metrics");
        });
    }
}

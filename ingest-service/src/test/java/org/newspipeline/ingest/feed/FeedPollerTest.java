package org.newspipeline.ingest.feed;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.FeedStatus;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.ingest.fetch.LocalWeb;
import org.newspipeline.ingest.fetch.LocalWeb.Answer;
import org.newspipeline.testing.TestTopics;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds served by {@link LocalWeb} answering conditional GETs like a real server. */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class FeedPollerTest {

    static final Path CAPTURES = Path.of("../../shared/data/feeds");
    static final LocalWeb WEB = LocalWeb.get();
    static final Map<String, byte[]> FEEDS = new ConcurrentHashMap<>();
    static final AtomicInteger FULL_ANSWERS = new AtomicInteger();
    static final Map<String, String> USER_AGENTS = new ConcurrentHashMap<>();

    @Inject
    FeedPoller poller;

    @BeforeAll
    static void serve() {
        WEB.site(LocalWeb.FEEDS, (path, headers) -> {
            USER_AGENTS.put(path, String.valueOf(headers.getFirst("User-Agent")));
            byte[] body = FEEDS.get(path);
            if (body == null) {
                return null;
            }
            String etag = "\"" + Arrays.hashCode(body) + "\"";
            if (etag.equals(headers.getFirst("If-None-Match"))) {
                return Answer.status(304);
            }
            FULL_ANSWERS.incrementAndGet();
            return new Answer(200, "application/xml", body, Map.of("ETag", etag, "Cache-Control", "max-age=600"), Duration.ZERO);
        });
    }

    static FeedStatus poll(FeedPoller poller, String path) {
        return TestSources.poll(poller, WEB.direct(path));
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
        int fullAnswers = FULL_ANSWERS.get();

        FeedStatus first = poll(poller, "/synthetic.rss");
        FeedStatus second = poll(poller, "/synthetic.rss");

        assertNull(first.lastError());
        assertEquals(2, first.items());
        assertEquals(0, first.undatedItems(), "the Portuguese date is read too");
        assertEquals(2, second.items(), "a 304 publishes nothing");
        assertEquals(fullAnswers + 1, FULL_ANSWERS.get(), "the second poll was conditional");
        assertEquals(FeedStatus.Health.OK, second.health());
        RawArticle article = ContractJson.read(
                TestTopics.awaitKey(Topics.RAW, ArticleIds.of(link, ""), Duration.ofSeconds(20)).value(), RawArticle.class);
        assertEquals("First", article.title());
        assertEquals("Body of the first item.", article.body());
        assertEquals("Example Outlet", article.source());
        assertEquals("Test feeds.local", article.outlet().name(), "the directory's source names the outlet");
        assertEquals(Instant.parse("2020-05-26T10:00:00Z"), article.publishedAt());
        assertEquals(List.of("politics"), article.categories());
        assertEquals("feed:" + WEB.direct("/synthetic.rss"), article.origin());
    }

    @Test
    void feeds_are_read_with_our_user_agent_and_within_the_page_size_limit() {
        FEEDS.put("/agent.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
        FeedStatus read = poll(poller, "/agent.rss");
        assertNull(read.lastError());
        assertTrue(USER_AGENTS.get("/agent.rss").startsWith("news-pipeline/1.0"), USER_AGENTS.get("/agent.rss"));
        assertTrue(read.interval() >= 600, "Cache-Control max-age=600 is honoured: " + read.interval());

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        FEEDS.put("/huge.rss", huge);
        assertEquals("larger than 5242880 bytes", poll(poller, "/huge.rss").lastError());
    }

    @Test
    void an_unreachable_feed_records_the_error_and_backs_off() {
        FeedStatus once = poll(poller, "/missing.rss");
        FeedStatus twice = poll(poller, "/missing.rss");
        assertEquals("HTTP 404", once.lastError());
        assertEquals(2, twice.consecutiveFailures());
        assertTrue(twice.interval() > once.interval(), "failures back off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss-parser_guardian.rss", "rss-parser_heise.atom", "rss-parser_physorg.rss", "rss-parser_uolNoticias.rss"})
    void real_captured_feeds_are_read(String capture) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CAPTURES), "skipped: ../shared/data/feeds is not beside this clone");
        FEEDS.put("/" + capture, Files.readAllBytes(CAPTURES.resolve(capture)));

        FeedStatus state = poll(poller, "/" + capture);

        assertNull(state.lastError());
        assertTrue(state.items() > 0, capture + " published nothing");
        FeedStatus again = poll(poller, "/" + capture);
        assertEquals(state.items(), again.items());
        String origin = "\"origin\":\"feed:" + WEB.direct("/" + capture) + "\"";
        RawArticle item = ContractJson.read(TestTopics.await(Topics.RAW,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(origin), Duration.ofSeconds(20)).value(), RawArticle.class);
        String text = item.title() + item.body();
        assertTrue(!text.contains("\uFFFD") && !text.contains("Ã§") && !text.contains("Ã£"), "mojibake: " + text);
    }
}

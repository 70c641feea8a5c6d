package org.newspipeline.query.live;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newspipeline.testing.SearchTestResource;
import org.newspipeline.testing.UniqueWords;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newspipeline.query.Articles.article;
import static org.newspipeline.query.Articles.publish;

/** The live stream as a client reads it: one event per new matching article. */
@QuarkusTest
@WithTestResource(SearchTestResource.class)
class ArticleStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void an_article_stored_again_is_announced_once() throws Exception {
        String word = "zq" + UniqueWords.letters(8);
        CompletableFuture<List<String>> events = eventsUntil(word, "last-" + word);

        String id = "again-" + word;
        // The same article as a redelivery after a crash and a re-enrichment would bring it: stored four times.
        for (int i = 0; i < 4; i++) {
            publish(article(id, 1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), "Story " + word,
                    "Body of the story " + word + " version " + i, "TASS", "2024-01-01", List.of()));
        }
        publish(article("last-" + word, 1, "Last " + word, "Body " + word));

        List<String> data = events.get(30, TimeUnit.SECONDS);
        assertEquals(1, data.stream().filter(d -> d.contains("\"" + id + "\"")).count(), data.toString());
    }

    @Test
    void an_announcement_says_whether_the_article_began_a_story_or_grew_one() throws Exception {
        String word = "zs" + UniqueWords.letters(8);
        CompletableFuture<List<String>> events = eventsUntil(word, "copy-" + word);

        StringBuilder text = new StringBuilder(word);
        for (int i = 0; i < 40; i++) {
            text.append(' ').append(UniqueWords.letters(7));
        }
        publish(article("original-" + word, 1, "Original " + word, text.toString()));
        org.newspipeline.query.Articles.awaitTitle("original-" + word, "Original " + word);
        publish(article("copy-" + word, 1, "Copy " + word, "(TASS) - " + text));

        List<String> data = events.get(30, TimeUnit.SECONDS);
        assertEquals(2, data.size(), data.toString());
        assertTrue(data.get(0).contains("\"story\":\"original-" + word + "\"") && data.get(0).contains("\"newStory\":true"), data.get(0));
        assertTrue(data.get(1).contains("\"story\":\"original-" + word + "\"") && data.get(1).contains("\"newStory\":false"), data.get(1));
    }

    /** The data lines of the live stream of a search for the word, up to the event of that article. */
    private CompletableFuture<List<String>> eventsUntil(String word, String lastId) throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "articles/stream?q=" + word)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> dataLinesUntil(stream.body(), lastId));
        Thread.sleep(500); // the stream subscribes once the response has started
        return events;
    }

    private static List<String> dataLinesUntil(InputStream body, String lastId) {
        List<String> data = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    data.add(line);
                    if (line.contains("\"" + lastId + "\"")) {
                        return data;
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return data;
    }
}

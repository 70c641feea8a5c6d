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

    @Test
    void a_client_that_reconnects_with_the_last_event_id_gets_what_it_missed_first() throws Exception {
        String word = "zr" + UniqueWords.letters(8);
        HttpResponse<InputStream> first = open(word, null);
        CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> linesUntil(first.body(), "first-" + word, "id:"));
        Thread.sleep(500);
        publish(article("first-" + word, 1, "First " + word, "Body " + word));
        List<String> ids = seen.get(30, TimeUnit.SECONDS);
        String lastId = ids.get(ids.size() - 1).substring(3).strip();
        first.body().close(); // the client goes away

        // As long as the client stays away (within the log's retention), what is replayed is the same.
        for (int i = 0; i < 100; i++) {
            publish(article("missed-" + i + "-" + word, 1, "Missed " + i + " " + word, "Body " + word));
        }
        for (int i = 9; i < 100; i += 10) { // most of them stored before the client comes back
            org.newspipeline.query.Articles.awaitTitle("missed-" + i + "-" + word, "Missed " + i + " " + word);
        }
        HttpResponse<InputStream> again = open(word, lastId);
        CompletableFuture<List<String>> missed = CompletableFuture.supplyAsync(() -> dataLines(again.body(), 100));
        List<String> data = missed.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            String id = "missed-" + i + "-" + word;
            assertEquals(1, data.stream().filter(d -> d.contains("\"" + id + "\"")).count(), id + " in " + data);
        }
        assertTrue(data.stream().noneMatch(d -> d.contains("\"id\":\"first-" + word)), "what it saw is not sent again (last id " + lastId + "): " + data);
        assertEquals(400, open(word, "abc").statusCode());
    }

    private HttpResponse<InputStream> open(String word, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "articles/stream?q=" + word))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The data lines of the live stream of a search for the word, up to the event of that article. */
    private CompletableFuture<List<String>> eventsUntil(String word, String lastId) throws Exception {
        HttpResponse<InputStream> stream = open(word, null);
        assertEquals(200, stream.statusCode());
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> dataLinesUntil(stream.body(), lastId));
        Thread.sleep(500); // the stream subscribes once the response has started
        return events;
    }

    /** The first n data lines of a stream. */
    private static List<String> dataLines(InputStream body, int n) {
        List<String> data = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && data.size() < n; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    data.add(line);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return data;
    }

    private static List<String> dataLinesUntil(InputStream body, String lastId) {
        return linesUntil(body, lastId, "data:");
    }

    /** The lines with that prefix up to the event whose data names the article ({@code id:} comes before {@code data:}). */
    private static List<String> linesUntil(InputStream body, String lastId, String prefix) {
        List<String> data = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(prefix)) {
                    data.add(line);
                }
                if (line.startsWith("data:") && line.contains("\"" + lastId + "\"")) {
                    return data;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return data;
    }
}

package org.newspipeline.ingest.inbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.Topics;
import org.newspipeline.ingest.IngestTestResource;
import org.newspipeline.testing.TestTopics;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(IngestTestResource.class)
class InboxWatcherTest {

    static final Path INBOX = Path.of("target/test-inbox");
    static final Duration WAIT = Duration.ofSeconds(20);

    static Path drop(String name, byte[] content) throws IOException {
        Files.createDirectories(INBOX);
        Path tmp = INBOX.resolve("." + name);
        Files.write(tmp, content);
        return Files.move(tmp, INBOX.resolve(name));
    }

    static void awaitMoved(String name, String folder) {
        await().atMost(WAIT).until(() -> Files.exists(INBOX.resolve(folder).resolve(name)));
    }

    static RawArticle published(String body) {
        String id = ArticleIds.of(null, body);
        return ContractJson.read(TestTopics.awaitKey(Topics.RAW, id, WAIT).value(), RawArticle.class);
    }

    @Test
    void a_text_file_is_published_then_moved_to_processed() throws IOException {
        String name = "wire-" + UUID.randomUUID() + ".txt";
        String body = "MOSCOW, May 26. /TASS/. Inbox story " + UUID.randomUUID();
        drop(name, body.getBytes(StandardCharsets.UTF_8));

        awaitMoved(name, "processed");
        RawArticle article = published(body);
        assertEquals("inbox:" + name, article.origin());
    }

    @Test
    void windows_1251_and_utf_16_files_are_read_without_mojibake() throws IOException {
        String russian = "МОСКВА, 26 мая. /ТАСС/. Сергей Лавров заявил " + UUID.randomUUID();
        String english = "UTF-16 story with ü and — " + UUID.randomUUID();
        drop("ru-" + UUID.randomUUID() + ".txt", russian.getBytes(Charset.forName("windows-1251")));
        byte[] utf16 = english.getBytes(StandardCharsets.UTF_16); // with a byte-order mark
        drop("u16-" + UUID.randomUUID() + ".txt", utf16);

        assertEquals(russian, published(russian).body());
        assertEquals(english, published(english).body());
    }

    @Test
    void json_ndjson_and_html_files_are_published() throws IOException {
        String a = "json story " + UUID.randomUUID();
        String b = "ndjson one " + UUID.randomUUID();
        String c = "ndjson two " + UUID.randomUUID();
        String d = "html story " + UUID.randomUUID();
        drop("one.json".replace("one", UUID.randomUUID().toString()), ("{\"title\":\"A\",\"body\":\"" + a + "\"}").getBytes(StandardCharsets.UTF_8));
        drop(UUID.randomUUID() + ".ndjson", ("{\"body\":\"" + b + "\"}\n{\"body\":\"" + c + "\"}\n").getBytes(StandardCharsets.UTF_8));
        drop(UUID.randomUUID() + ".html", ("<html><head><title>H</title></head><body><p>" + d + "</p></body></html>").getBytes(StandardCharsets.UTF_8));

        assertEquals("A", published(a).title());
        published(b);
        published(c);
        assertEquals("H", published(d).title());
    }

    @Test
    void a_file_that_cannot_be_ingested_moves_to_rejected_with_a_reason() throws IOException {
        String bad = "bad-" + UUID.randomUUID() + ".ndjson";
        String unsupported = "doc-" + UUID.randomUUID() + ".pdf";
        drop(bad, "{\"body\":\"fine\"}\n{\"body\": oops}\n".getBytes(StandardCharsets.UTF_8));
        drop(unsupported, new byte[] {1, 2, 3});

        awaitMoved(bad, "rejected");
        awaitMoved(unsupported, "rejected");
        String reason = Files.readString(INBOX.resolve("rejected").resolve(bad + ".reason.txt"));
        assertTrue(reason.contains("line 2"), reason);
        assertTrue(Files.readString(INBOX.resolve("rejected").resolve(unsupported + ".reason.txt")).contains("unsupported"));
    }

    @Test
    void a_file_still_being_written_is_not_taken_before_it_is_complete() throws Exception {
        String name = "slow-" + UUID.randomUUID() + ".txt";
        Path file = INBOX.resolve(name);
        Files.createDirectories(INBOX);
        String first = "LONDON, Feb 26 - A long story begins " + UUID.randomUUID();
        Files.writeString(file, first);
        for (int i = 0; i < 12; i++) {
            Thread.sleep(250);
            Files.writeString(file, " and goes on", StandardOpenOption.APPEND);
            assertTrue(Files.exists(file), "taken while still being written");
        }

        awaitMoved(name, "processed");
        String whole = first + " and goes on".repeat(12);
        assertEquals(whole, published(whole).body());
    }

    @Test
    void links_fifos_and_huge_files_are_rejected_without_being_read() throws Exception {
        Files.createDirectories(INBOX);
        Path secret = Files.writeString(Files.createTempFile("secret", ".txt"), "SECRET " + UUID.randomUUID());
        String link = "link-" + UUID.randomUUID() + ".txt";
        Files.createSymbolicLink(INBOX.resolve(link), secret.toAbsolutePath());
        String fifo = "fifo-" + UUID.randomUUID() + ".txt";
        assertEquals(0, new ProcessBuilder("mkfifo", INBOX.resolve(fifo).toString()).start().waitFor());
        String huge = "huge-" + UUID.randomUUID() + ".ndjson";
        try (RandomAccessFile file = new RandomAccessFile(INBOX.resolve("." + huge).toFile(), "rw")) {
            file.setLength(17L * 1024 * 1024); // sparse: 17 MiB that take no disk
        }
        Files.move(INBOX.resolve("." + huge), INBOX.resolve(huge));

        awaitMoved(link + ".reason.txt", "rejected");
        awaitMoved(fifo + ".reason.txt", "rejected");
        awaitMoved(huge + ".reason.txt", "rejected");
        assertTrue(Files.readString(INBOX.resolve("rejected").resolve(link + ".reason.txt")).contains("symbolic link"));
        assertTrue(Files.isSymbolicLink(INBOX.resolve("rejected").resolve(link)), "the link itself was moved");
        assertTrue(Files.readString(INBOX.resolve("rejected").resolve(fifo + ".reason.txt")).contains("not a regular file"));
        assertTrue(Files.readString(INBOX.resolve("rejected").resolve(huge + ".reason.txt")).contains("the limit is"));
        assertEquals(0, TestTopics.count(Topics.RAW, r -> new String(r.value(), StandardCharsets.UTF_8).contains("SECRET")));
    }
}

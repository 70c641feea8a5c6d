package org.newspipeline.ingest.inbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.extract.PageReader;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.format.TextFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Watches the inbox folder. A file is taken once it has stopped changing (so a half-written file
 * waits), published, then moved to {@code processed/}; a file that cannot be ingested moves to
 * {@code rejected/} beside a {@code <name>.reason.txt}. While Kafka is away files stay where they are.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    /** Bounds the memory one scan takes when thousands of files arrive at once. */
    private static final int MAX_FILES_IN_FLIGHT = 1000;

    private record Seen(long size, FileTime modified) {
    }

    /** Files waiting, moved to processed/, and moved to rejected/. */
    public record Counts(String dir, long pending, long processed, long rejected) {
    }

    private final IngestConfig.Inbox config;
    private final FileIngestion files;
    private final Ingestion ingestion;
    private final Map<Path, Seen> lastScan = new HashMap<>();
    private final Duration publishTimeout;

    public InboxWatcher(IngestConfig config, FileIngestion files, Ingestion ingestion) {
        this.config = config.inbox();
        this.publishTimeout = config.publishTimeout();
        this.files = files;
        this.ingestion = ingestion;
    }

    Path processedDir() {
        return config.dir().resolve("processed");
    }

    Path rejectedDir() {
        return config.dir().resolve("rejected");
    }

    @Scheduled(every = "${ingest.inbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void scan() throws IOException {
        if (!config.enabled()) {
            return;
        }
        Files.createDirectories(processedDir());
        Files.createDirectories(rejectedDir());
        Map<Path, Seen> now = new ConcurrentHashMap<>();
        Map<Path, Uni<List<Ingestion.Outcome>>> publishing = new LinkedHashMap<>();
        for (Path file : pending()) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                // A link could point anywhere (the password file); a FIFO would block the reader.
                reject(file, (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                        + ": only files placed in the inbox itself are read");
                continue;
            }
            if (attributes.size() > TextFiles.MAX_BYTES) {
                reject(file, TextFiles.tooLarge(attributes.size()).getMessage());
                continue;
            }
            Seen seen = new Seen(attributes.size(), attributes.lastModifiedTime());
            now.put(file, seen);
            boolean settled = seen.equals(lastScan.get(file))
                    && seen.modified().toInstant().isBefore(Instant.now().minus(config.settle()));
            if (settled && publishing.size() < MAX_FILES_IN_FLIGHT) {
                try {
                    publishing.put(file, files.publish(file));
                } catch (InvalidArticleException e) {
                    reject(file, e.getMessage());
                    now.remove(file);
                } catch (PageReader.ReadersBusyException e) {
                    LOG.warnf("%s stays in the inbox for the next scan: %s", file.getFileName(), e.getMessage());
                }
            }
        }
        // All files of a scan are in flight together, so one slow acknowledgement does not hold up the rest.
        List<Uni<Void>> moves = new ArrayList<>();
        publishing.forEach((file, outcomes) -> moves.add(outcomes
                .onItem().invoke(o -> moveQuietly(file, processedDir()))
                .onItem().invoke(() -> now.remove(file))
                .onFailure().invoke(e -> LOG.warnf("%s stays in the inbox, Kafka is unavailable: %s", file.getFileName(), e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid()));
        if (!moves.isEmpty()) {
            Uni.join().all(moves).andFailFast().await().atMost(publishTimeout.multipliedBy(2));
        }
        lastScan.clear();
        lastScan.putAll(now);
    }

    private void reject(Path file, String reason) throws IOException {
        ingestion.countRejected(ArticleOrigin.Kind.INBOX);
        Path moved = move(file, rejectedDir());
        Files.writeString(rejectedDir().resolve(moved.getFileName() + ".reason.txt"), reason + "\n");
        LOG.warnf("%s rejected: %s", file.getFileName(), reason);
    }

    private void moveQuietly(Path file, Path dir) {
        try {
            move(file, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Counts counts() {
        return new Counts(config.dir().toString(), pending().size(), count(processedDir(), ""),
                count(rejectedDir(), ".reason.txt"));
    }

    private static long count(Path dir, String excludedSuffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> excludedSuffix.isEmpty() || !f.toString().endsWith(excludedSuffix)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Entries waiting in the inbox: anything but its folders (a link or a FIFO too, to be rejected),
     * hidden and partial-download names excluded.
     */
    public List<Path> pending() {
        if (!Files.isDirectory(config.dir())) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(config.dir())) {
            return list.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(part|tmp|crdownload|partial)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves without overwriting: a second file of the same name gets a time suffix. */
    private static Path move(Path file, Path dir) throws IOException {
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = dir.resolve(System.currentTimeMillis() + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.newspipeline.ingest.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/** Per-feed state in {@code <state-dir>/feeds.json}, written atomically after every poll. */
@ApplicationScoped
public class FeedStateStore {

    private final Path file;
    private final Map<String, FeedState> states;

    @jakarta.inject.Inject
    public FeedStateStore(IngestConfig config) {
        this(config.stateDir());
    }

    FeedStateStore(Path stateDir) {
        this.file = stateDir.resolve("feeds.json");
        this.states = load(file);
    }

    public synchronized FeedState get(String url) {
        return states.getOrDefault(url, FeedState.NEW);
    }

    public synchronized Map<String, FeedState> all() {
        return Map.copyOf(states);
    }

    public synchronized void put(String url, FeedState state) {
        states.put(url, state);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("feeds.json.tmp");
            Files.write(tmp, ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(states));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save feed state to " + file, e);
        }
    }

    private static Map<String, FeedState> load(Path file) {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(ContractJson.mapper().readValue(file.toFile(), new TypeReference<Map<String, FeedState>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed state " + file, e);
        }
    }
}

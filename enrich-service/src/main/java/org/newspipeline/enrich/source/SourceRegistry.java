package org.newspipeline.enrich.source;

import com.fasterxml.jackson.core.type.TypeReference;
import org.newspipeline.contract.ContractJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The curated agencies and outlets with their aliases, hosts and credit lines. Loaded from the
 * bundled {@code sources.json}, or from a file a user points {@code enrich.sources-file} at.
 */
public final class SourceRegistry {

    private final Map<String, KnownSource> byAlias = new HashMap<>();
    private final Map<String, KnownSource> byHost = new HashMap<>();
    private final Map<String, KnownSource> byClosingCredit = new HashMap<>();
    private final Map<Pattern, KnownSource> byMarker = new HashMap<>();

    public SourceRegistry(List<KnownSource> sources) {
        for (KnownSource s : sources) {
            byAlias.put(key(s.name()), s);
            s.aliases().forEach(a -> byAlias.put(key(a), s));
            s.hosts().forEach(h -> byHost.put(h.toLowerCase(Locale.ROOT), s));
            s.closingCredits().forEach(c -> byClosingCredit.put(key(c), s));
            s.markers().forEach(m -> byMarker.put(Pattern.compile(m), s));
        }
    }

    public static SourceRegistry bundled() {
        try (InputStream in = SourceRegistry.class.getResourceAsStream("/sources.json")) {
            return new SourceRegistry(parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceRegistry fromFile(Path file) {
        try {
            return new SourceRegistry(parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source registry " + file, e);
        }
    }

    private static List<KnownSource> parse(byte[] json) throws IOException {
        return ContractJson.mapper().readValue(json, new TypeReference<List<KnownSource>>() { });
    }

    public Optional<KnownSource> byAlias(String alias) {
        return Optional.ofNullable(byAlias.get(key(alias)));
    }

    /** The host or any parent domain of it: "eng.belta.by" finds "belta.by". */
    public Optional<KnownSource> byHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (true) {
            KnownSource s = byHost.get(h.startsWith("www.") ? h.substring(4) : h);
            if (s != null) {
                return Optional.of(s);
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return Optional.empty();
            }
            h = h.substring(dot + 1);
        }
    }

    public Optional<KnownSource> byClosingCredit(String line) {
        return Optional.ofNullable(byClosingCredit.get(key(line)));
    }

    public Optional<KnownSource> byMarker(String text) {
        return byMarker.entrySet().stream().filter(e -> e.getKey().matcher(text).find())
                .map(Map.Entry::getValue).findFirst();
    }

    private static String key(String alias) {
        return alias.strip().toLowerCase(Locale.ROOT);
    }
}

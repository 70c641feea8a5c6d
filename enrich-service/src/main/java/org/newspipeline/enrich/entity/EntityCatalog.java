package org.newspipeline.enrich.entity;

import com.fasterxml.jackson.databind.JsonNode;
import org.newspipeline.contract.CatalogEntry;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.contract.Names;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The curated canonical entities: international organizations, agencies, frequent officials, every
 * ISO 3166 country with its code and name variants, and first-name transliteration variants.
 * Bundled as {@code entities.json}; a user file ({@code enrich.entities-file}, same form) adds to it
 * without a rebuild.
 */
public final class EntityCatalog {

    /** A canonical entity and every name it goes by. */
    public record Known(String name, Type type, String countryCode, List<String> aliases) {
    }

    private final Map<String, Known> byKey = new HashMap<>();
    private final Map<String, String> firstNames = new HashMap<>();
    /** Strings that are never entities: of the type given, or of any type (null). */
    private final Map<String, Optional<Type>> blocked = new HashMap<>();
    private volatile Gazetteer gazetteer;

    private EntityCatalog() {
    }

    /**
     * This catalog with the corrections applied in order (see {@link CatalogEntry}); this one is left
     * as it is, so readers of the old one are never disturbed.
     */
    public EntityCatalog withCorrections(List<CatalogEntry> corrections) {
        EntityCatalog next = new EntityCatalog();
        next.byKey.putAll(byKey);
        next.firstNames.putAll(firstNames);
        next.blocked.putAll(blocked);
        for (CatalogEntry c : corrections) {
            String key = key(c.name());
            if (c.kind() == CatalogEntry.Kind.BLOCK) {
                if (c.deleted()) {
                    next.blocked.remove(key);
                } else {
                    next.blocked.put(key, Optional.ofNullable(c.type()));
                }
                continue;
            }
            Known old = next.byKey.get(key);
            if (old != null && key(old.name()).equals(key)) {
                next.byKey.values().removeIf(k -> k == old);
            }
            if (!c.deleted() && c.type() != null) {
                next.put(new Known(c.name(), c.type(), c.countryCode(), c.aliases()));
            }
        }
        return next;
    }

    /** Whether the catalog says this string is never an entity (of this type). */
    public boolean isBlocked(String text, Type type) {
        Optional<Type> block = blocked.get(key(text));
        return block != null && (block.isEmpty() || block.get() == type);
    }

    /** Whether the string is blocked, for one type or for all. */
    public boolean isBlockedAtAll(String text) {
        return blocked.containsKey(key(text));
    }

    /** Entities a name or alias of which starts with the prefix, each once. */
    public List<Known> startingWith(String prefix, int limit) {
        String p = key(prefix == null ? "" : prefix);
        return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(p)).map(Map.Entry::getValue).distinct()
                .sorted(java.util.Comparator.comparing(Known::name)).limit(limit).toList();
    }

    public static EntityCatalog load(Optional<Path> userFile) {
        EntityCatalog catalog = new EntityCatalog();
        catalog.addCountriesFromIso3166();
        try (InputStream in = EntityCatalog.class.getResourceAsStream("/entities.json")) {
            catalog.add(ContractJson.mapper().readTree(in));
            if (userFile.isPresent()) {
                catalog.add(ContractJson.mapper().readTree(Files.readAllBytes(userFile.get())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the entity catalog", e);
        }
        return catalog;
    }

    /**
     * Every catalog name and alias, to be found as written in a text. Built once per catalog, on
     * first use; read for every line of every article, so without a lock (a rare double build is harmless).
     */
    public Gazetteer gazetteer() {
        Gazetteer g = gazetteer;
        if (g == null) {
            g = new Gazetteer(byKey.values().stream().distinct().toList());
            gazetteer = g;
        }
        return g;
    }

    public Optional<Known> byAlias(String alias) {
        return Optional.ofNullable(byKey.get(key(alias)));
    }

    /** "Sergei Lavrov" as "Sergey Lavrov": the catalog's spelling of a first name. */
    public String withCanonicalFirstName(String personName) {
        int space = personName.indexOf(' ');
        if (space < 0) {
            return personName;
        }
        String first = firstNames.get(key(personName.substring(0, space)));
        return first == null ? personName : first + personName.substring(space);
    }

    /** Lower case, no accents, single spaces, no leading "the": how names are compared. */
    static String key(String name) {
        return Names.key(name);
    }

    private void addCountriesFromIso3166() {
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            put(new Known(name, Type.LOCATION, code, List.of()));
        }
    }

    private void add(JsonNode json) {
        json.path("firstNames").fields().forEachRemaining(e -> {
            firstNames.put(key(e.getKey()), e.getKey());
            e.getValue().forEach(v -> firstNames.put(key(v.asText()), e.getKey()));
        });
        json.path("countries").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(v -> names.add(v.asText()));
            String isoName = new Locale("", e.getKey()).getDisplayCountry(Locale.ENGLISH);
            Set<String> aliases = new LinkedHashSet<>(names.subList(1, names.size()));
            aliases.add(isoName);
            aliases.remove(names.get(0));
            put(new Known(names.get(0), Type.LOCATION, e.getKey(), List.copyOf(aliases)));
        });
        json.path("entities").forEach(e -> {
            List<String> aliases = new ArrayList<>();
            e.path("aliases").forEach(a -> aliases.add(a.asText()));
            put(new Known(e.path("name").asText(), Type.valueOf(e.path("type").asText()),
                    e.path("countryCode").isMissingNode() ? null : e.path("countryCode").asText(), aliases));
        });
    }

    private void put(Known known) {
        byKey.put(key(known.name()), known);
        known.aliases().forEach(a -> byKey.put(key(a), known));
    }
}

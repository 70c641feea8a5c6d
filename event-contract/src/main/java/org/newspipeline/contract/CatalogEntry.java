package org.newspipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One correction of the entity catalog, on the compacted topic {@link Topics#CATALOG}, keyed by
 * {@link #key()}: the latest entry per key is the catalog's word on it. Corrections lie over the
 * catalog bundled with enrich-service, so every replica reading the topic resolves alike.
 *
 * @param kind      an entity (name, type, aliases) or a blocked string (never an entity, of {@code type}
 *                  or of any type when it is null)
 * @param deleted   the entity or block is withdrawn
 * @param changedBy who made the change; {@code changedAt} when, {@code reason} why
 */
public record CatalogEntry(int schemaVersion, Kind kind, String name, EnrichedArticle.Entity.Type type,
                           List<String> aliases, String countryCode, boolean deleted, String changedBy,
                           Instant changedAt, String reason) {

    public enum Kind { ENTITY, BLOCK }

    public static final int SCHEMA_VERSION = 1;

    public CatalogEntry {
        SchemaVersions.requireSupported(schemaVersion, SCHEMA_VERSION, "CatalogEntry");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The record key: one entry per entity name or blocked string, compared as names are (case and accents aside). */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + Names.key(name);
    }
}

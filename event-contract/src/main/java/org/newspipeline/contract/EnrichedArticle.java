package org.newspipeline.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A raw article plus what {@code enrich-service} found in it, published on
 * {@code articles.enriched} keyed by {@link #id()}.
 *
 * @param enrichmentVersion which enrichment logic produced this record; a consumer never lets an
 *                          older version overwrite a newer one
 * @param enrichedAt        when this record was made; of two records with the same version, the later wins
 * @param publishedAt       best estimate of the publication time; see {@link #publication()} for how sure
 * @param skipped           the steps that were cut short or left out, each with why (e.g. entities
 *                          searched only in the first part of a very long body); added in schema
 *                          version 1 as an optional field, absent in older records
 * @param signature         sketches of the body's text for finding its copies and its story; added in
 *                          schema version 1 as an optional field, absent in older records (a reader
 *                          computes it from the body then: {@link #textSignature()})
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        int enrichmentVersion,
        Instant enrichedAt,
        String origin,
        Instant receivedAt,
        String url,
        String title,
        String body,
        String language,
        Source source,
        Dateline dateline,
        Instant publishedAt,
        Publication publication,
        List<Entity> entities,
        List<String> skipped,
        TextSignature signature) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "news.article.enriched";

    public EnrichedArticle {
        SchemaVersions.requireSupported(schemaVersion, SCHEMA_VERSION, "EnrichedArticle");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        entities = entities == null ? List.of() : List.copyOf(entities);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** An article as records without a signature carry it. */
    public EnrichedArticle(int schemaVersion, String id, int enrichmentVersion, Instant enrichedAt, String origin,
                           Instant receivedAt, String url, String title, String body, String language, Source source,
                           Dateline dateline, Instant publishedAt, Publication publication, List<Entity> entities,
                           List<String> skipped) {
        this(schemaVersion, id, enrichmentVersion, enrichedAt, origin, receivedAt, url, title, body, language, source,
                dateline, publishedAt, publication, entities, skipped, null);
    }

    /** The signature the record carries when it is well formed, else the body's (computed now). */
    public TextSignature textSignature() {
        return TextSignature.valid(signature).orElseGet(() -> TextSignature.of(body));
    }

    /** Who published the article and what told us so. */
    public record Source(String name, Kind kind, Evidence evidence) {
        public enum Kind { AGENCY, OUTLET, ORGANIZATION, UNKNOWN }

        public enum Evidence { DATELINE, CREDIT, URL, FEED, REQUEST, NONE }

        public static final Source UNKNOWN = new Source(null, Kind.UNKNOWN, Evidence.NONE);

        /** A sender that leaves out what kind of source or what told it so says it does not know. */
        public Source {
            kind = kind == null ? Kind.UNKNOWN : kind;
            evidence = evidence == null ? Evidence.NONE : evidence;
        }
    }

    /** The place line a wire story opens with, e.g. "MOSCOW, May 26. /TASS/." */
    public record Dateline(String place, String raw) {
    }

    /** How the publication date was found and how much to trust it. */
    public record Publication(Precision precision, DateSource source, double confidence, List<String> conflicts) {
        public enum Precision { DATETIME, DAY, MONTH, YEAR }

        public enum DateSource { FEED, REQUEST, TEXT, DATELINE, FILE, RECEIVED }

        public Publication {
            conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        }
    }

    /** One canonical entity with every place it is mentioned in {@link EnrichedArticle#body()}. */
    public record Entity(String name, Type type, List<String> aliases, String countryCode,
                         List<Mention> mentions, double salience) {
        public enum Type { PERSON, ORGANIZATION, LOCATION }

        public Entity {
            Objects.requireNonNull(name, "entity name");
            Objects.requireNonNull(type, "entity type");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    public record Mention(int start, int end, String text) {
    }
}

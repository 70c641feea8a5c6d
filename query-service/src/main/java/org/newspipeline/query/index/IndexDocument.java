package org.newspipeline.query.index;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.query.story.StoryAssignment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An enriched article as the search index holds it (see {@code opensearch/articles.json}): the
 * fields searches match, filter, sort, count and show. The title and body are indexed once as
 * they are (accents and case folded) and once more with the stemmer of the article's language
 * when there is one ({@code body_en}, ...).
 */
public final class IndexDocument {

    static final Set<String> STEMMED = Set.of("en", "de", "fr", "es", "ru");
    /** The hits of a search show this many of an article's entities, the most salient first. */
    static final int TOP_ENTITIES = 8;
    /** A hit without a highlighted passage shows the start of the body, this long. */
    static final int LEAD_CHARS = 240;
    /** An enrichment with a higher version, or the same version made later, replaces the one indexed. */
    private static final long VERSION_STEP = 10_000_000_000_000L;
    private static final int MAX_ID_BYTES = 512;

    private IndexDocument() {
    }

    static Map<String, Object> of(EnrichedArticle a, StoryAssignment story) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", a.id());
        doc.put("enrichment_version", a.enrichmentVersion());
        doc.put("enriched_at", text(a.enrichedAt()));
        doc.put("title", a.title());
        doc.put("body", a.body());
        doc.put("lead", a.body().substring(0, Math.min(LEAD_CHARS, a.body().length())));
        if (a.language() != null && STEMMED.contains(a.language())) {
            doc.put("title_" + a.language(), a.title());
            doc.put("body_" + a.language(), a.body());
        }
        doc.put("entity_names", a.entities().stream().flatMap(e -> {
            Set<String> names = new LinkedHashSet<>(e.aliases());
            names.add(e.name());
            return names.stream();
        }).collect(Collectors.joining(" \n ")));
        doc.put("url", a.url());
        doc.put("source", a.source() == null ? null : a.source().name());
        doc.put("source_kind", a.source() == null ? null : a.source().kind().name());
        doc.put("language", a.language());
        doc.put("dateline_place", a.dateline() == null ? null : a.dateline().place());
        doc.put("published_at", text(publishedAt(a)));
        doc.put("received_at", text(a.receivedAt()));
        if (a.publication() != null) {
            doc.put("date_precision", a.publication().precision() == null ? null : a.publication().precision().name());
            doc.put("date_source", a.publication().source() == null ? null : a.publication().source().name());
            doc.put("date_confidence", a.publication().confidence());
        }
        doc.put("entity_keys", a.entities().stream().map(e -> key(e.type().name(), e.name())).distinct().toList());
        doc.put("entity_types", a.entities().stream().map(e -> e.type().name()).distinct().toList());
        doc.put("top_entities", topEntities(a).stream().map(EnrichedArticle.Entity::name).distinct().toList());
        doc.put("story_id", story.storyId());
        doc.put("copy_group", story.copyGroup());
        return doc;
    }

    /** The article's {@value #TOP_ENTITIES} most salient entities, the most salient first. */
    public static List<EnrichedArticle.Entity> topEntities(EnrichedArticle a) {
        return a.entities().stream()
                .sorted(Comparator.comparingDouble(EnrichedArticle.Entity::salience).reversed()
                        .thenComparing(e -> -e.mentions().size()).thenComparing(EnrichedArticle.Entity::name))
                .limit(TOP_ENTITIES).toList();
    }

    /**
     * Why OpenSearch would refuse this record's id or version (and with it the whole bulk request
     * that holds it), or null: ids are 1 to 512 bytes, versions not below 0.
     */
    static String refusal(String id, EnrichedArticle a) {
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_ID_BYTES) {
            return "an id of " + bytes + " bytes (the index takes 1 to " + MAX_ID_BYTES + ")";
        }
        if (a != null && (a.enrichmentVersion() < 0 || version(a) < 0)) {
            return "enrichment version " + a.enrichmentVersion() + " (below 0, or too large)";
        }
        return null;
    }

    /** An entity as the index keys it: its type and canonical name, e.g. {@code PERSON|António Guterres}. */
    public static String key(String type, String name) {
        return type + "|" + name;
    }

    /**
     * The version OpenSearch compares ({@code external_gte}): the same record twice changes nothing,
     * and an older enrichment never replaces a newer one.
     */
    static long version(EnrichedArticle a) {
        return a.enrichmentVersion() * VERSION_STEP + (a.enrichedAt() == null ? 0 : Math.max(0, a.enrichedAt().toEpochMilli()));
    }

    /**
     * Every article sorts by date: one without a publication date sorts by its arrival (as in
     * PostgreSQL, but never by the time it was indexed, so that a rebuild gives the same order).
     */
    private static Instant publishedAt(EnrichedArticle a) {
        return a.publishedAt() != null ? a.publishedAt() : a.receivedAt() != null ? a.receivedAt() : a.enrichedAt();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The stemmed copies of a field, one per language with a stemmer: title_de, title_en, ... */
    public static List<String> stemmedFields(String prefix) {
        return STEMMED.stream().sorted().map(lang -> prefix + "_" + lang).toList();
    }
}

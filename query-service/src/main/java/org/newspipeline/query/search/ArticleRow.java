package org.newspipeline.query.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.StreamSupport;

/**
 * An article as exports, webhooks and digests give it: what a researcher needs to cite and count
 * it, without the body.
 *
 * @param datePrecision DATETIME, DAY, MONTH or YEAR: how much of {@code publishedAt} the article states
 * @param dateSource    what dated it (FEED, REQUEST, TEXT, DATELINE, FILE, RECEIVED: only the time it arrived)
 * @param receivedAt    when the pipeline received it
 * @param story         the story it belongs to (its own id while it stands alone)
 */
public record ArticleRow(String id, String url, String source, String publishedAt, String datePrecision,
                         String dateSource, String receivedAt, String title, String language,
                         List<Entity> entities, String story) {

    /** A canonical entity and its type (PERSON, ORGANIZATION, LOCATION). */
    public record Entity(String name, String type) {
    }

    /** The index fields a row is read from. */
    public static final List<String> FIELDS = List.of("id", "url", "source", "published_at", "date_precision", "date_source",
            "received_at", "title", "language", "entity_keys", "story_id");

    /** @param source a hit's {@code _source} with {@link #FIELDS} */
    public static ArticleRow of(JsonNode source) {
        List<Entity> entities = StreamSupport.stream(source.path("entity_keys").spliterator(), false).map(JsonNode::asText)
                .filter(k -> k.indexOf('|') > 0).map(k -> new Entity(k.substring(k.indexOf('|') + 1), k.substring(0, k.indexOf('|'))))
                .toList();
        String id = text(source, "id");
        String story = text(source, "story_id");
        return new ArticleRow(id, text(source, "url"), text(source, "source"), text(source, "published_at"),
                text(source, "date_precision"), text(source, "date_source"), text(source, "received_at"), text(source, "title"),
                text(source, "language"), entities, story == null ? id : story);
    }

    static String text(JsonNode source, String field) {
        JsonNode v = source.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

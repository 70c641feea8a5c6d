package org.newspipeline.query.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newspipeline.query.index.IndexDocument;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OpenSearch query that selects the articles matching a {@link SearchRequest}: the text scored
 * (BM25: a word in the title counts three times, in an entity's name twice), every filter unscored.
 * Entity names are looked up in PostgreSQL's entity directory first (aliases included).
 */
final class IndexQuery {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Fields the text is matched in, with their weights: as they are (folded) and stemmed by language. */
    static final List<String> TEXT_FIELDS = Stream.of(
            Stream.of("title^3", "entity_names^2", "body"),
            IndexDocument.stemmedFields("title").stream().map(f -> f + "^3"),
            IndexDocument.stemmedFields("body").stream()).flatMap(s -> s).toList();

    private IndexQuery() {
    }

    /** @param c where entity names and aliases are looked up; only used with entity or place filters */
    static ObjectNode of(Connection c, SearchRequest r) {
        ObjectNode bool = JSON.objectNode();
        if (r.q() != null) {
            ObjectNode text = bool.putArray("must").addObject().putObject("simple_query_string");
            text.put("query", WebSearchText.toSimpleQueryString(r.q()));
            ArrayNode fields = text.putArray("fields");
            TEXT_FIELDS.forEach(fields::add);
            text.put("default_operator", "and").put("flags", "OR|NOT|PHRASE|WHITESPACE");
        }
        ArrayNode filter = bool.putArray("filter");
        if (r.source() != null) {
            filter.addObject().putObject("term").put("source.folded", r.source());
        }
        for (String entity : r.entities()) {
            filter.add(anyOf("entity_keys", keys(c, entity, r.type())));
        }
        if (r.type() != null && r.entities().isEmpty()) {
            filter.addObject().putObject("term").put("entity_types", r.type());
        }
        if (r.place() != null) {
            ObjectNode place = filter.addObject().putObject("bool");
            ArrayNode either = place.putArray("should");
            either.addObject().putObject("term").put("dateline_place", r.place());
            either.add(anyOf("entity_keys", keys(c, r.place(), "LOCATION")));
            place.put("minimum_should_match", 1);
        }
        if (r.lang() != null) {
            filter.addObject().putObject("term").put("language", r.lang());
        }
        if (r.from() != null || r.to() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("published_at");
            if (r.from() != null) {
                range.put("gte", r.from().toString());
            }
            if (r.to() != null) {
                range.put("lt", r.to().toString());
            }
        }
        ObjectNode query = JSON.objectNode();
        query.set("bool", bool);
        return query;
    }

    private static List<String> keys(Connection c, String name, String type) {
        try {
            return EntityKeys.byAlias(c, name, type);
        } catch (SQLException e) {
            throw new SearchUnavailableException(e);
        }
    }

    private static ObjectNode anyOf(String field, List<String> values) {
        ObjectNode terms = JSON.objectNode();
        ArrayNode array = terms.putObject("terms").putArray(field);
        values.forEach(array::add);
        return terms;
    }
}

package org.newspipeline.query.search;

import org.newspipeline.contract.ArticleDates;
import org.newspipeline.contract.EnrichedArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What to search for, validated: every filter of {@code GET /articles}, {@code /stats/timeline}.
 *
 * @param entities canonical names or aliases; an article must mention all of them
 * @param type     PERSON, ORGANIZATION or LOCATION: restricts entity matches to that type
 * @param to       exclusive upper bound (a day given as {@code to} includes that whole day)
 * @param byStory  one hit per story (the best match), with how many more of the story match
 */
public record SearchRequest(String q, String source, List<String> entities, String type, String place, String lang,
                            Instant from, Instant to, Sort sort, int limit, String cursor, boolean byStory) {

    /** A search collapsed by story pages by offset, which the engine bounds. */
    public static final int MAX_COLLAPSED_DEPTH = 10_000;
    /** relevance: text relevance alone; recent: relevance halved per half-life of age; date: newest first. */
    public enum Sort { RELEVANCE, RECENT, DATE }

    public static final int MAX_LIMIT = 100;
    /** Each entity filter is a terms filter of its aliases' entities: a few are plenty. */
    public static final int MAX_ENTITIES = 10;
    /**
     * Each word of the text is matched in every text field (title, body, entity names, their
     * stemmed copies): more words would pass the engine's limit on query clauses.
     */
    public static final int MAX_WORDS = 50;

    public static SearchRequest of(String q, String source, List<String> entities, String type, String place,
                                   String lang, String from, String to, String sort, int limit, String cursor) {
        limit(String.valueOf(limit));
        Sort order;
        try {
            order = sort == null || sort.isBlank() ? (blank(q) ? Sort.DATE : Sort.RELEVANCE)
                    : Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort must be relevance, recent or date, not " + sort);
        }
        if (order != Sort.DATE && blank(q)) {
            order = Sort.DATE;
        }
        if (!blank(q) && q.strip().split("\\s+").length > MAX_WORDS) {
            throw new BadParameterException("q: at most " + MAX_WORDS + " words, not " + q.strip().split("\\s+").length);
        }
        String entityType = entityType(type);
        List<String> named = entities == null ? List.of() : entities.stream().filter(e -> !blank(e)).map(String::strip).toList();
        if (named.size() > MAX_ENTITIES) {
            throw new BadParameterException("at most " + MAX_ENTITIES + " entity values, not " + named.size());
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadParameterException("from must be before to");
        }
        return new SearchRequest(blank(q) ? null : q.strip(), blank(source) ? null : source.strip(), named,
                entityType, blank(place) ? null : place.strip(), blank(lang) ? null : lang.strip().toLowerCase(Locale.ROOT),
                start, end, order, limit, blank(cursor) ? null : cursor.strip(), false);
    }

    /**
     * The same search with one hit per story when {@code collapse} says {@code story}.
     *
     * @param collapse {@code story}, or blank for one hit per article
     */
    public SearchRequest collapse(String collapse) {
        if (blank(collapse)) {
            return this;
        }
        if (!collapse.strip().equalsIgnoreCase("story")) {
            throw new BadParameterException("collapse must be story (or left out), not " + collapse);
        }
        return new SearchRequest(q, source, entities, type, place, lang, from, to, sort, limit, cursor, true);
    }

    /** Everything that decides which articles match and in what order: what a cursor is bound to. */
    String binding() {
        return String.join("\u0001", String.valueOf(q), String.valueOf(source), String.join("\u0002", entities),
                String.valueOf(type), String.valueOf(place), String.valueOf(lang), String.valueOf(from),
                String.valueOf(to), sort.name(), String.valueOf(byStory));
    }

    /** An entity type as given in a query string (any case), or null for none. */
    public static String entityType(String type) {
        if (blank(type)) {
            return null;
        }
        try {
            return EnrichedArticle.Entity.Type.valueOf(type.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("type must be one of " + Arrays.toString(EnrichedArticle.Entity.Type.values())
                    + ", not " + type);
        }
    }

    /** A page size as given in a query string; parsed here so that "many" is a 400, not JAX-RS's 404. */
    public static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + value);
    }

    /** A day ({@code 2020-01-01}) or a date-time with offset; a day as upper bound means its end. */
    public static Instant instant(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        Instant instant = ArticleDates.tryParse(value).orElseThrow(() -> new BadParameterException(
                name + " must be an ISO-8601 day (2020-01-31) or date-time with offset, not " + value));
        if (!ArticleDates.isStorable(instant)) {
            throw new BadParameterException(name + " must lie in the years 1 to 9999, not " + value);
        }
        return endOfDay && value.strip().length() == 10 ? instant.plus(Duration.ofDays(1)) : instant;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.newspipeline.query.search;

import org.newspipeline.query.http.BadParameterException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to search for, validated: every filter of {@code GET /articles}, {@code /stats/timeline}.
 *
 * @param entities canonical names or aliases; an article must mention all of them
 * @param type     PERSON, ORGANIZATION or LOCATION: restricts entity matches to that type
 * @param to       exclusive upper bound (a day given as {@code to} includes that whole day)
 */
public record SearchRequest(String q, String source, List<String> entities, String type, String place, String lang,
                            Instant from, Instant to, Sort sort, int limit, Cursor cursor) {

    public enum Sort { RELEVANCE, DATE }

    public static final int MAX_LIMIT = 100;
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    public static SearchRequest of(String q, String source, List<String> entities, String type, String place,
                                   String lang, String from, String to, String sort, int limit, String cursor) {
        limit(String.valueOf(limit));
        Sort order;
        try {
            order = sort == null || sort.isBlank() ? (blank(q) ? Sort.DATE : Sort.RELEVANCE)
                    : Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort must be relevance or date, not " + sort);
        }
        if (order == Sort.RELEVANCE && blank(q)) {
            order = Sort.DATE;
        }
        String entityType = blank(type) ? null : type.strip().toUpperCase(Locale.ROOT);
        if (entityType != null && !TYPES.contains(entityType)) {
            throw new BadParameterException("type must be one of " + TYPES + ", not " + type);
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadParameterException("from must be before to");
        }
        return new SearchRequest(blank(q) ? null : q.strip(), blank(source) ? null : source.strip(),
                entities == null ? List.of() : entities.stream().filter(e -> !blank(e)).map(String::strip).toList(),
                entityType, blank(place) ? null : place.strip(), blank(lang) ? null : lang.strip().toLowerCase(Locale.ROOT),
                start, end, order, limit, blank(cursor) ? null : Cursor.decode(cursor, order));
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
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        try {
            String v = value.strip();
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name + " must be an ISO-8601 day (2020-01-31) or date-time with offset, not " + value);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

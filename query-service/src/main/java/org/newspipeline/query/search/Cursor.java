package org.newspipeline.query.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page starts; opaque to clients: the last item's sort values in the index (time
 * and id in date order, score and id by relevance) and, for {@code recent}, the time ages were
 * counted from on the first page. Results collapsed by story cannot start after a hit (the engine
 * does not collapse from a sort position): their cursor is how many stories went before, for
 * {@code recent} with the first page's time.
 */
public record Cursor(SearchRequest.Sort sort, double score, Instant time, String id, int offset) {

    static Cursor date(Instant time, String id) {
        return new Cursor(SearchRequest.Sort.DATE, 0, time, id, 0);
    }

    /** @param origin for {@code recent}: when ages are counted from; null otherwise */
    static Cursor offset(SearchRequest.Sort sort, int offset, Instant origin) {
        return new Cursor(sort, 0, origin, null, offset);
    }

    /** @param origin for {@code recent}: when ages are counted from; null for {@code relevance} */
    static Cursor relevance(SearchRequest.Sort sort, double score, Instant origin, String id) {
        return new Cursor(sort, score, origin, id, 0);
    }

    public String encode() {
        if (id == null) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("o|" + offset + "|" + time).getBytes(StandardCharsets.UTF_8));
        }
        String key = switch (sort) {
            case RELEVANCE -> "s|" + Double.doubleToLongBits(score);
            case RECENT -> "r|" + Double.doubleToLongBits(score) + "|" + time;
            case DATE -> "d|" + time;
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @param value what {@link #encode()} gave, after {@link CursorSeal} vouched for it */
    static Cursor decode(String value, SearchRequest.Sort sort) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", sort == SearchRequest.Sort.RECENT ? 4 : 3);
            if (p[0].equals("o") && p.length == 3) {
                return offset(sort, Integer.parseInt(p[1]), p[2].equals("null") ? null : Instant.parse(p[2]));
            }
            if (p[0].equals("s") && sort == SearchRequest.Sort.RELEVANCE && p.length == 3) {
                return relevance(sort, Double.longBitsToDouble(Long.parseLong(p[1])), null, p[2]);
            }
            if (p[0].equals("r") && sort == SearchRequest.Sort.RECENT && p.length == 4) {
                return relevance(sort, Double.longBitsToDouble(Long.parseLong(p[1])), Instant.parse(p[2]), p[3]);
            }
            if (p[0].equals("d") && sort == SearchRequest.Sort.DATE && p.length == 3) {
                return date(Instant.parse(p[1]), p[2]);
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new BadParameterException("cursor is not one this search gave out (same q and sort): " + value);
    }
}

package org.newspipeline.query.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page starts; opaque to clients: the last item's time and id in date order, its
 * {@link Relevance} score and id in relevance order.
 */
public record Cursor(SearchRequest.Sort sort, double score, Instant time, String id) {

    static Cursor date(Instant time, String id) {
        return new Cursor(SearchRequest.Sort.DATE, 0, time, id);
    }

    static Cursor relevance(double score, String id) {
        return new Cursor(SearchRequest.Sort.RELEVANCE, score, null, id);
    }

    public String encode() {
        String key = sort == SearchRequest.Sort.RELEVANCE ? "s|" + Double.doubleToLongBits(score) : "d|" + time;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @param value what {@link #encode()} gave, after {@link CursorSeal} vouched for it */
    static Cursor decode(String value, SearchRequest.Sort sort) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (p[0].equals("s") && sort == SearchRequest.Sort.RELEVANCE && p.length == 3) {
                return relevance(Double.longBitsToDouble(Long.parseLong(p[1])), p[2]);
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

package org.newspipeline.query.search;


import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page starts; opaque to clients. In date order: the last item's time and id. In
 * relevance order: the window of newest matches being ranked (its exclusive upper bound, none for
 * the first window) and the last item's rank and id in it.
 */
public record Cursor(SearchRequest.Sort sort, Instant windowTime, String windowId, float rank, Instant time, String id) {

    static Cursor date(Instant time, String id) {
        return new Cursor(SearchRequest.Sort.DATE, null, null, 0, time, id);
    }

    static Cursor relevance(Instant windowTime, String windowId, float rank, String id) {
        return new Cursor(SearchRequest.Sort.RELEVANCE, windowTime, windowId, rank, null, id);
    }

    /** The start of the window that follows the one ending with (time, id). */
    static Cursor nextWindow(Instant time, String id) {
        return relevance(time, id, Float.POSITIVE_INFINITY, "");
    }

    boolean startsWindow() {
        return Float.isInfinite(rank);
    }

    public String encode() {
        String key = sort == SearchRequest.Sort.RELEVANCE
                ? "r|" + (windowTime == null ? "-" : windowTime.toString()) + "|" + (windowId == null ? "-" : windowId)
                  + "|" + Float.floatToIntBits(rank)
                : "d|" + time;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @param value what {@link #encode()} gave, after {@link CursorSeal} vouched for it */
    static Cursor decode(String value, SearchRequest.Sort sort) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (p[0].equals("r") && sort == SearchRequest.Sort.RELEVANCE && p.length == 5) {
                return relevance(p[1].equals("-") ? null : Instant.parse(p[1]), p[2].equals("-") ? null : p[2],
                        Float.intBitsToFloat(Integer.parseInt(p[3])), p[4]);
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

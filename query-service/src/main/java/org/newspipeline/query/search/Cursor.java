package org.newspipeline.query.search;

import org.newspipeline.query.http.BadParameterException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page starts: the sort key and id of the last item of this page. Opaque to clients.
 *
 * @param rank   the last item's rank (relevance order), as PostgreSQL computed it
 * @param time   the last item's publication time (date order)
 */
public record Cursor(SearchRequest.Sort sort, float rank, Instant time, String id) {

    public String encode() {
        String key = sort == SearchRequest.Sort.RELEVANCE ? "r|" + Float.floatToIntBits(rank) : "d|" + time;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value, SearchRequest.Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts[0].equals("r") && sort == SearchRequest.Sort.RELEVANCE) {
                return new Cursor(sort, Float.intBitsToFloat(Integer.parseInt(parts[1])), null, parts[2]);
            }
            if (parts[0].equals("d") && sort == SearchRequest.Sort.DATE) {
                return new Cursor(sort, 0, Instant.parse(parts[1]), parts[2]);
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new BadParameterException("cursor is not one this search gave out (same q and sort): " + value);
    }
}

package org.newspipeline.query.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameters to a search, and the cursors that continue it: no database needed. */
class SearchRequestTest {

    private static SearchRequest request(String q, String from, String to, String sort, String cursor) {
        return SearchRequest.of(q, null, List.of(), null, null, null, from, to, sort, 20, cursor);
    }

    @Test
    void relevance_with_a_query_date_without() {
        assertEquals(SearchRequest.Sort.RELEVANCE, request("peace", null, null, null, null).sort());
        assertEquals(SearchRequest.Sort.DATE, request(" ", null, null, null, null).sort());
        assertEquals(SearchRequest.Sort.DATE, request(null, null, null, "relevance", null).sort());
        assertThrows(BadParameterException.class, () -> request("x", null, null, "random", null));
    }

    @Test
    void a_day_as_upper_bound_includes_that_whole_day() {
        SearchRequest r = request(null, "2020-05-26", "2020-05-26", null, null);
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), r.from());
        assertEquals(Instant.parse("2020-05-27T00:00:00Z"), r.to());
        assertThrows(BadParameterException.class, () -> request(null, "2020-05-27", "2020-05-26", null, null));
        assertThrows(BadParameterException.class, () -> request(null, "+294277-01-01T00:00:00Z", null, null, null));
        assertThrows(BadParameterException.class, () -> request(null, "yesterday", null, null, null));
    }

    @Test
    void limits_types_and_entities_are_checked() {
        assertEquals(100, SearchRequest.limit("100"));
        assertThrows(BadParameterException.class, () -> SearchRequest.limit("101"));
        assertThrows(BadParameterException.class, () -> SearchRequest.limit("many"));
        assertEquals("PERSON", SearchRequest.entityType(" person "));
        assertNull(SearchRequest.entityType(""));
        assertThrows(BadParameterException.class, () -> SearchRequest.entityType("planet"));
        assertEquals(List.of("CSTO"), SearchRequest.of(null, null, List.of(" CSTO ", " "), null, null, null, null, null,
                null, 20, null).entities());
        assertThrows(BadParameterException.class, () -> SearchRequest.of(null, null, Collections.nCopies(11, "x"), null,
                null, null, null, null, null, 20, null));
    }

    @Test
    void cursors_encode_where_the_next_page_starts() {
        Cursor date = Cursor.date(Instant.parse("2020-05-26T10:00:00Z"), "a1");
        assertEquals(date, Cursor.decode(date.encode(), SearchRequest.Sort.DATE));
        Cursor relevance = Cursor.relevance(SearchRequest.Sort.RELEVANCE, 12.345678, null, "a2");
        assertEquals(relevance, Cursor.decode(relevance.encode(), SearchRequest.Sort.RELEVANCE));
        Cursor recent = Cursor.relevance(SearchRequest.Sort.RECENT, 0.25, Instant.parse("2026-12-05T10:00:00Z"), "a3");
        assertEquals(recent, Cursor.decode(recent.encode(), SearchRequest.Sort.RECENT));
        assertThrows(BadParameterException.class, () -> Cursor.decode(recent.encode(), SearchRequest.Sort.RELEVANCE));
        Cursor odd = Cursor.relevance(SearchRequest.Sort.RECENT, 1.5, Instant.parse("2026-12-05T10:00:00Z"), "a|b|c");
        assertEquals(odd, Cursor.decode(odd.encode(), SearchRequest.Sort.RECENT));
        assertThrows(BadParameterException.class, () -> Cursor.decode(date.encode(), SearchRequest.Sort.RELEVANCE));
    }

    @Test
    void a_sealed_cursor_opens_only_for_the_search_it_came_from() {
        CursorSeal seal = new CursorSeal(config(Optional.of("test-key")));
        SearchRequest peace = request("peace", null, null, null, null);
        String sealed = seal.seal(Cursor.relevance(SearchRequest.Sort.RELEVANCE, 0.5, null, "a1").encode(), peace);

        assertEquals("a1", seal.open(request("peace", null, null, null, sealed)).id());
        assertThrows(BadParameterException.class, () -> seal.open(request("treaty", null, null, null, sealed)));
        assertThrows(BadParameterException.class, () -> seal.open(request("peace", "2020-01-01", null, null, sealed)));
        String tampered = (sealed.charAt(0) == 'A' ? "B" : "A") + sealed.substring(1);
        assertThrows(BadParameterException.class, () -> seal.open(request("peace", null, null, null, tampered)));
        assertThrows(BadParameterException.class, () -> new CursorSeal(config(Optional.of("other-key")))
                .open(request("peace", null, null, null, sealed)));
        assertNotEquals(peace.binding(), request("peace ", null, null, "date", null).binding());
        assertTrue(seal.open(peace) == null, "no cursor, nothing to open");
    }

    private static SearchConfig config(Optional<String> key) {
        return new SearchConfig() {
            @Override
            public java.time.Duration halfLife() {
                return java.time.Duration.ofDays(14);
            }

            @Override
            public Optional<String> cursorKey() {
                return key;
            }
        };
    }
}

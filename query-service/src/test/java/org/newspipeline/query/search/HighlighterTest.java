package org.newspipeline.query.search;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HighlighterTest {

    private static String html(String tree, String text) {
        return new Highlighter(tree).snippetHtml(text);
    }

    @Test
    void marks_every_form_of_a_stemmed_word_and_escapes_the_rest() {
        assertEquals("<mark>Oil</mark> <mark>prices</mark> &amp; the <mark>price</mark> of <mark>oil</mark>",
                html("'oil' <-> 'price'", "Oil prices & the price of oil"));
    }

    @Test
    void accents_and_numbers_match_as_postgresql_indexes_them() {
        assertEquals("<mark>António</mark> Guterres met 15 envoys in <mark>1987</mark>",
                html("'antonio' & '1987'", "António Guterres met 15 envoys in 1987"));
    }

    @Test
    void excluded_words_are_never_marked() {
        assertEquals(Set.of("treati", "organ"), Highlighter.positiveLexemes("'treati' <-> 'organ' & !'kazakhstan'"));
        assertEquals(Set.of("oil", "price", "gas"), Highlighter.positiveLexemes("'oil' & 'price' & !( 'crude' <-> 'oil' ) | 'gas'"));
    }

    @Test
    void long_texts_give_the_fragments_with_most_matches_in_text_order() {
        String filler = "word ".repeat(40);
        String text = "Start " + filler + "oil here " + filler + "oil and oil again " + filler + "end";
        assertEquals("word ".repeat(5) + "<mark>oil</mark> here" + " word".repeat(13)
                        + " … " + "word ".repeat(5) + "<mark>oil</mark> and <mark>oil</mark> again" + " word".repeat(11),
                html("'oil'", text));
    }

    @Test
    void without_a_match_the_snippet_is_the_opening() {
        assertEquals("One two three", html("'zzz'", "One two three"));
    }
}

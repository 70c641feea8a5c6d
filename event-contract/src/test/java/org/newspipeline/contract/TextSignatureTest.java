package org.newspipeline.contract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSignatureTest {

    private static final String STORY = "Russia has offered the countries of the Collective Security Treaty Organization to consider"
            + " priority measures on fostering biosecurity cooperation, Russian Foreign Minister Sergey Lavrov said on Tuesday."
            + " Speaking at a meeting of the Council of Foreign Ministers via a video link-up, Lavrov stressed that the infection"
            + " is a serious test for the entire system of international relations and a challenge for every state.";

    @Test
    void a_copy_with_a_credit_and_a_cut_is_the_same_text_and_another_story_is_not() {
        int[] original = TextSignature.of(STORY).copyHashes();
        int[] copy = TextSignature.of("(TASS) - " + STORY.substring(0, STORY.lastIndexOf(" Speaking"))).copyHashes();
        int[] other = TextSignature.of("Belarus and Kazakhstan agreed on Friday to extend the grain corridor for another season,"
                + " the two governments said in a joint statement after talks in Minsk that lasted two days.").copyHashes();
        assertTrue(TextSignature.sameText(original, copy), "similarity " + TextSignature.copySimilarity(original, copy));
        assertFalse(TextSignature.sameText(original, other), "similarity " + TextSignature.copySimilarity(original, other));
    }

    @Test
    void bodies_without_words_are_copies_only_when_they_are_the_same() {
        int[] dashes = TextSignature.of("-- -- --").copyHashes();
        assertFalse(TextSignature.sameText(dashes, TextSignature.of("!!! ???").copyHashes()));
        assertTrue(TextSignature.sameText(dashes, TextSignature.of("-- -- --").copyHashes()));
    }

    @Test
    void a_malformed_signature_from_the_wire_is_not_taken() {
        TextSignature good = TextSignature.of(STORY);
        assertEquals(good, TextSignature.valid(good).orElseThrow());
        assertTrue(TextSignature.valid(new TextSignature("not base64!", good.words())).isEmpty());
        assertTrue(TextSignature.valid(new TextSignature(good.words(), good.words())).isEmpty(), "words where the copy hashes go");
        assertTrue(TextSignature.valid(null).isEmpty());
    }
}

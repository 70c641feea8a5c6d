package org.newspipeline.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefinedAcronymsTest {

    @Test
    void the_words_before_an_acronym_whose_initials_spell_it_define_it() {
        assertEquals(Map.of("CSTO", "Collective Security Treaty Organization"), EntityResolver.definedAcronyms(
                "He learned from the Secretary General of the Collective Security Treaty Organization (CSTO) that"));
        assertEquals(Map.of("AMB", "Aqsa Martyrs Brigades"), EntityResolver.definedAcronyms("the al-Aqsa Martyrs Brigades (AMB) said"));
        assertEquals(Map.of("ATC", "Anti-Terrorism Centre"), EntityResolver.definedAcronyms("the CIS Anti-Terrorism Centre (ATC) said"));
    }

    @Test
    void a_capitalised_word_of_300_kb_defines_nothing_and_is_read_once() {
        assertEquals(Map.of(), EntityResolver.definedAcronyms("A".repeat(300_000) + " (AB)"));
    }
}

package org.newspipeline.enrich.text;

import org.junit.jupiter.api.Test;

import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutParserTest {

    private final LayoutParser parser = new LayoutParser(line -> line.equals("Reuter"));

    @Test
    void a_text_of_one_line_keeps_it_as_its_body() {
        ArticleLayout layout = parser.parse("Short note", null);
        assertEquals("Short note", layout.body());
        assertEquals("Short note", layout.title());
        ArticleLayout titled = parser.parse("Short note", "A title given");
        assertEquals("Short note", titled.body());
        assertEquals("A title given", titled.title());
    }

    @Test
    void title_dateline_body_and_closing_credit_are_told_apart() {
        ArticleLayout layout = parser.parse("""
                Lavrov calls for UN reform

                MOSCOW, May 26. /TASS/. Russia's top diplomat said the system is overdue for change.

                He spoke at a briefing.
                Reuter
                """, null);

        assertEquals("Lavrov calls for UN reform", layout.title());
        assertEquals("MOSCOW", layout.dateline().orElseThrow().place());
        assertEquals(MonthDay.of(5, 26), layout.dateline().orElseThrow().day());
        assertTrue(layout.body().startsWith("Russia's top diplomat said"), layout.body());
        assertFalse(layout.body().contains("Reuter"));
        assertEquals(Optional.of("Reuter"), layout.closingCredit());
    }

    @Test
    void page_furniture_and_photo_credits_leave_the_body() {
        ArticleLayout layout = parser.parse("""
                All news
                © Alexander Shcherbak/TASS
                MINSK, 16 October (BelTA) – The talks went on.
                Share
                """, null);

        assertEquals("The talks went on.", layout.body());
        assertEquals(List.of("© Alexander Shcherbak/TASS"), layout.photoCredits());
    }

    @Test
    void without_a_title_line_the_lead_makes_one() {
        ArticleLayout layout = parser.parse("The bloc met on Tuesday. Talks went on for hours.", null);
        assertEquals("The bloc met on Tuesday.", layout.title());
        assertEquals("Given", parser.parse("Some text.", "Given").title());
    }
}

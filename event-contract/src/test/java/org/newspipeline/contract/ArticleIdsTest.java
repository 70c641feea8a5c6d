package org.newspipeline.contract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleIdsTest {

    @Test
    void the_usual_ways_of_writing_one_link_give_one_id() {
        String id = ArticleIds.of("https://example.org/news/a", "text");
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(id, ArticleIds.of("HTTPS://Example.ORG:443/news/a/?utm_source=feed#top", "other text"));
        assertNotEquals(id, ArticleIds.of("https://example.org/news/b", "text"));
        assertNotEquals(id, ArticleIds.of("https://example.org/news/a?page=2", "text"));
    }

    @Test
    void without_a_link_the_text_decides_whatever_its_case_width_and_spacing() {
        String id = ArticleIds.of(null, "MOSCOW, May 26. /TASS/.  Talks\n\nwent on.");
        assertEquals(id, ArticleIds.of(" ", "moscow, may 26. /tass/. talks went on."));
        assertEquals(id, ArticleIds.of(null, "ＭＯＳＣＯＷ, May 26. /TASS/. Talks went on."));
        assertNotEquals(id, ArticleIds.of(null, "MOSCOW, May 27. /TASS/. Talks went on."));
    }

    @Test
    void origins_read_back_as_they_were_written() {
        assertEquals(ArticleOrigin.Kind.INBOX, ArticleOrigin.parse("inbox:wire.txt").kind());
        assertEquals("wire.txt", ArticleOrigin.parse("inbox:wire.txt").detail());
        assertEquals("feed:https://example.org/rss", ArticleOrigin.feed("https://example.org/rss").toString());
        assertEquals(ArticleOrigin.HTTP, ArticleOrigin.parse("http"));
        assertEquals(ArticleOrigin.Kind.OTHER, ArticleOrigin.parse("bench").kind());
        assertEquals("bench", ArticleOrigin.parse("bench").toString());
    }
}

package org.newspipeline.ingest.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the page extractor takes from a page and what it leaves. */
class WebPagesTest {

    private static final String STORY = "<p>The council met on Tuesday to discuss the budget, which has grown by a third "
            + "since last year, and agreed to look again in spring.</p><p>Members said the plan was sound, "
            + "but asked for a review of the costs before any vote is taken.</p>";

    @Test
    void the_story_is_kept_and_the_furniture_around_it_left() {
        WebPage page = WebPages.extract("""
                <html lang="en-GB"><head><title>Site | Story</title></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <div class="cookie-banner">We use cookies to improve your experience.</div>
                <article><h1>Council agrees budget</h1><div class="byline">By Jane Roe</div>
                %s
                <figure><img src="x.jpg" alt="Alt text of the photo"><figcaption>The town hall. Photo: J. Doe</figcaption></figure>
                <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
                <h3>Read more</h3><ul><li><a href="/a">Another story entirely about a different topic</a></li>
                <li><a href="/b">And one more unrelated headline from the site</a></li></ul>
                <section id="comments"><p>Great article, thanks for writing this, I agree with every word!</p></section>
                </article><footer>About us · Contact · Imprint</footer></body></html>""".formatted(STORY),
                "https://example.org/2020/05/26/council-budget");
        assertTrue(page.text().startsWith("The council met on Tuesday"), page.text());
        assertTrue(page.text().contains("\n\nMembers said the plan was sound"), page.text());
        for (String furniture : List.of("Home", "cookies", "Jane Roe", "Alt text", "town hall", "Share", "Another story",
                "Great article", "About us", "Council agrees budget")) {
            assertFalse(page.text().contains(furniture), furniture + " in " + page.text());
        }
        assertEquals("Council agrees budget", page.title(), "the headline, not the browser title");
        assertEquals("en", page.language());
        assertEquals(Instant.parse("2020-05-26T00:00:00Z"), page.publishedAt());
        assertEquals("url path", page.dateEvidence());
    }

    @Test
    void json_ld_gives_metadata_and_the_body_a_script_would_render() {
        WebPage page = WebPages.extract("""
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
                 {"@type":["NewsArticle"],"headline":"Flood warning lifted","datePublished":"2021-07-20T19:00:03-04:00",
                  "dateModified":"2021-07-21T08:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
                  "publisher":{"@type":"Organization","name":"The Daily"},
                  "articleBody":"The river fell below the warning level overnight. Residents may return home."}]}
                </script><link rel="canonical" href="https://daily.example/flood"></head>
                <body><div id="app">Loading…</div></body></html>""", "https://daily.example/flood?utm_source=feed");
        assertEquals("Flood warning lifted", page.title());
        assertEquals(Instant.parse("2021-07-20T23:00:03Z"), page.publishedAt());
        assertEquals("json-ld datePublished", page.dateEvidence());
        assertEquals(Instant.parse("2021-07-21T08:00:00Z"), page.modifiedAt());
        assertEquals(List.of("Ann Lee", "Bo Chan"), page.authors());
        assertEquals("The Daily", page.siteName());
        assertEquals("https://daily.example/flood", page.canonicalUrl());
        assertTrue(page.text().startsWith("The river fell below the warning level"), page.text());
    }

    @Test
    void text_inside_noscript_still_counts() {
        WebPage page = WebPages.extract("<html><body><noscript><div class=\"story\">" + STORY
                + "</div></noscript></body></html>", null);
        assertTrue(page.text().contains("The council met on Tuesday"), page.text());
    }

    @Test
    void a_page_nested_two_hundred_deep_is_read() {
        String deep = "<div>".repeat(200) + STORY + "</div>".repeat(200);
        assertTrue(WebPages.extract("<html><body>" + deep + "</body></html>", null).text().contains("The council met"));
    }

    @Test
    void a_page_nested_or_tagged_beyond_any_real_page_is_refused_unread() {
        String deep = "<div>".repeat(20_000) + STORY + "</div>".repeat(20_000);
        UnreadablePageException nested = assertThrows(UnreadablePageException.class,
                () -> WebPages.extract("<html><body>" + deep + "</body></html>", null));
        assertEquals("the page cannot be read: it nests elements 256 deep or more", nested.getMessage());
        assertEquals(422, nested.status());
        UnreadablePageException tagged = assertThrows(UnreadablePageException.class,
                () -> WebPages.extract(("<br>".repeat(60_000)).getBytes(StandardCharsets.UTF_8), null, null));
        assertEquals("the page cannot be read: it has more than 50000 tags", tagged.getMessage());
        UnreadablePageException wide = assertThrows(UnreadablePageException.class,
                () -> WebPages.extract(("\uFEFF" + "<br>".repeat(60_000)).getBytes(StandardCharsets.UTF_16LE), null, null));
        assertEquals("the page cannot be read: it has more than 50000 tags", wide.getMessage());
    }

    @Test
    void the_charset_comes_from_the_page_when_the_server_names_none() {
        byte[] latin1 = ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Não há mais notícias sobre o "
                + "assunto, disse o ministro à imprensa nesta segunda-feira, em Brasília.</p></body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(WebPages.extract(latin1, null, null).text().contains("Não há mais notícias"));
    }

    @Test
    void a_page_without_text_or_with_an_absurd_date_gives_nothing_rather_than_garbage() {
        WebPage page = WebPages.extract("""
                <html><head><meta property="article:published_time" content="+294277-01-01T00:00:00Z"></head>
                <body><img src="a.png" alt="only a picture"></body></html>""", null);
        assertEquals("", page.text());
        assertNull(page.publishedAt());
    }
}

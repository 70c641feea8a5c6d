package org.newspipeline.ingest.format;

import org.junit.jupiter.api.Test;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.extract.WebPages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Web pages reduced to an article. */
class HtmlArticlesTest {

    @Test
    void a_page_gives_title_date_canonical_url_language_and_text() {
        ArticleSubmission page = submission("""
                <html lang="en-GB"><head><title>Site | Story</title>
                <meta property="og:title" content="The story">
                <meta property="article:published_time" content="2020-05-26T10:00:00Z">
                <link rel="canonical" href="https://example.org/story"></head>
                <body><nav>Menu</nav><article><p>First paragraph.</p><p>Second paragraph.</p></article>
                <footer>About us</footer></body></html>""", "https://example.org/story?ref=x");
        assertEquals("The story", page.title());
        assertEquals("2020-05-26T10:00:00Z", page.publishedAt());
        assertEquals("https://example.org/story", page.url());
        assertEquals("en", page.language());
        assertEquals("First paragraph.\n\nSecond paragraph.", page.body());
    }

    private static ArticleSubmission submission(String html, String url) {
        return HtmlArticles.submission(WebPages.extract(html, url));
    }

    @Test
    void a_page_date_in_an_absurd_year_is_left_for_enrichment() {
        ArticleSubmission page = submission("""
                <html><head><meta property="article:published_time" content="+294277-01-01T00:00:00Z"></head>
                <body><p>Text.</p></body></html>""", null);
        assertNull(page.publishedAt());
    }
}

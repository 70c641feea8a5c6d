package org.newspipeline.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * What a web page says about the article it carries.
 *
 * @param text         the main text, paragraphs separated by blank lines; empty when the page has none
 * @param publishedAt  null when the page gives no plausible date
 * @param dateEvidence where {@code publishedAt} was read ("json-ld datePublished", "url path", ...)
 * @param canonicalUrl the page's own idea of its address when on the host it was read from, else that
 *                     address; null for a page read from no known address
 * @param language     a two-letter code from {@code <html lang>} or the meta tags, else null
 */
public record WebPage(String title, String text, List<String> authors, Instant publishedAt, String dateEvidence,
                      Instant modifiedAt, String canonicalUrl, String language, String siteName) {

    public WebPage {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}

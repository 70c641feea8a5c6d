package org.newspipeline.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;

/**
 * The one extractor for every HTML page the pipeline sees (posted pages, inbox {@code .html} files,
 * pages behind feed items): metadata first, then the main text, which comes from the page's JSON-LD
 * {@code articleBody} when the markup holds less (pages that render their text with scripts).
 */
public final class WebPages {

    private WebPages() {
    }

    /**
     * @param charset from the Content-Type header, or null to take it from the BOM or the page's
     *                {@code <meta charset>} (UTF-8 when none)
     */
    public static WebPage extract(byte[] html, Charset charset, String url) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(),
                    url == null ? "" : url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebPage extract(String html, String url) {
        return extract(Jsoup.parse(html, url == null ? "" : url));
    }

    /** The date a URL's path carries ("/2018/09/24/"), for items whose page cannot be read. */
    public static Optional<Instant> dateInUrl(String url) {
        return PageMetadata.dateIn(url);
    }

    private static WebPage extract(Document doc) {
        PageMetadata meta = PageMetadata.of(doc);
        String text = MainText.of(doc);
        String scripted = meta.articleBody();
        if (scripted != null && (text.length() < 200 && scripted.length() > text.length())) {
            text = scripted;
        }
        return new WebPage(meta.title(), text, meta.authors(), meta.published() == null ? null : meta.published().date(),
                meta.published() == null ? null : meta.published().evidence(),
                meta.modified() == null ? null : meta.modified().date(), meta.canonicalUrl(), meta.language(),
                meta.siteName());
    }
}

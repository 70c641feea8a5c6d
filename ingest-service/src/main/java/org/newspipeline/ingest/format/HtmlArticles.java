package org.newspipeline.ingest.format;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newspipeline.contract.ArticleDates;
import org.newspipeline.ingest.article.ArticleSubmission;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An HTML page as an article: title from {@code og:title} or {@code <title>}, date from
 * {@code article:published_time} and similar tags, canonical URL from {@code <link rel=canonical>},
 * body from the {@code <article>} (else the page) as paragraphs of text.
 */
public final class HtmlArticles {

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[property=og:published_time]",
        "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[itemprop=datePublished]",
        "meta[name=dc.date]", "meta[name=DC.date.issued]"};

    private HtmlArticles() {
    }

    public static ArticleSubmission parse(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        String title = meta(doc, "meta[property=og:title]");
        if (title == null) {
            title = doc.title().isBlank() ? null : doc.title().strip();
        }
        String date = null;
        for (String selector : DATE_META) {
            date = date != null ? date : meta(doc, selector);
        }
        if (date == null) {
            Element time = doc.selectFirst("time[datetime]");
            date = time == null ? null : time.attr("datetime");
        }
        Element canonical = doc.selectFirst("link[rel=canonical]");
        String url = canonical == null ? baseUrl : canonical.absUrl("href").isBlank() ? canonical.attr("href") : canonical.absUrl("href");
        doc.select("script, style, nav, header, footer, aside, noscript, form").remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        String body = root == null ? "" : root.select("p, h2, h3, li, blockquote").stream()
                .map(Element::text).filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
        if (body.isBlank() && root != null) {
            body = root.text();
        }
        // A page's own date tag in an odd form or an absurd year is not the sender's error: enrich-service dates it instead.
        String publishedAt = ArticleDates.tryParse(date).filter(d -> ArticleDates.isPlausible(d, Clock.systemUTC()))
                .map(Object::toString).orElse(null);
        Element lang = doc.selectFirst("html[lang]");
        String language = lang == null || lang.attr("lang").length() < 2 ? null : lang.attr("lang").substring(0, 2);
        return new ArticleSubmission(title, body, url, meta(doc, "meta[property=og:site_name]"), publishedAt,
                language, null, null, List.of());
    }

    private static String meta(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null || e.attr("content").isBlank() ? null : e.attr("content").strip();
    }
}

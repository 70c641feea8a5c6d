package org.newspipeline.ingest.format;

import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.extract.WebPage;
import org.newspipeline.ingest.extract.WebPages;

import java.util.List;

/** An HTML page (posted or dropped in the inbox) as an article, through the one page extractor. */
public final class HtmlArticles {

    private HtmlArticles() {
    }

    public static ArticleSubmission parse(String html, String baseUrl) {
        return submission(WebPages.extract(html, baseUrl));
    }

    public static ArticleSubmission submission(WebPage page) {
        return new ArticleSubmission(page.title(), page.text(), page.canonicalUrl(), page.siteName(),
                page.publishedAt() == null ? null : page.publishedAt().toString(), page.language(), null,
                page.authors().isEmpty() ? null : String.join(", ", page.authors()), List.of());
    }
}

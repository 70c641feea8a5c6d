package org.newspipeline.ingest.format;

import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.extract.WebPage;

import java.util.List;

/** A web page (posted, dropped in the inbox) as an article. */
public final class HtmlArticles {

    private HtmlArticles() {
    }

    public static ArticleSubmission submission(WebPage page) {
        return new ArticleSubmission(page.title(), page.text(), page.canonicalUrl(), page.siteName(),
                page.publishedAt() == null ? null : page.publishedAt().toString(), page.language(), null,
                page.authors().isEmpty() ? null : String.join(", ", page.authors()), List.of());
    }
}

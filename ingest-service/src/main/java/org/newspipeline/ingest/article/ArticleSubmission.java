package org.newspipeline.ingest.article;

import java.util.List;

/**
 * An article as a client sends it in JSON (or as a file, feed item or page yields it). Dates are
 * ISO-8601: a day ({@code 2020-05-26}) or an instant with offset ({@code 2020-05-26T10:00:00+03:00}).
 *
 * @param receivedAt an optional reference date, for back-filling archives
 */
public record ArticleSubmission(String title, String body, String url, String source, String publishedAt,
                                String language, String receivedAt, String author, List<String> categories) {

    /** Metadata fields (a URL among them) are short; only the body may be long. */
    public static final int MAX_FIELD_CHARS = 2048;

    public static ArticleSubmission text(String body) {
        return new ArticleSubmission(null, body, null, null, null, null, null, null, List.of());
    }
}

package org.newspipeline.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.InvalidArticleException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles from what a file or request holds, in any {@link ArticleFormat}. Errors say
 * which line or field is wrong.
 */
public final class ArticleParser {

    private static final ObjectReader SUBMISSION = ContractJson.mapper().readerFor(ArticleSubmission.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ArticleParser() {
    }

    /** @param url the page's address, for HTML (may be null) */
    public static List<ArticleSubmission> parse(ArticleFormat format, String content, String url) {
        return switch (format) {
            case TEXT -> List.of(ArticleSubmission.text(content));
            case JSON -> List.of(json(content, "JSON"));
            case NDJSON -> ndjson(content);
            case HTML -> List.of(HtmlArticles.parse(content, url));
        };
    }

    /** One submission per non-blank line; the first bad line fails the whole input. */
    public static List<ArticleSubmission> ndjson(String content) {
        List<ArticleSubmission> articles = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                articles.add(json(lines[i], "line " + (i + 1)));
            }
        }
        if (articles.isEmpty()) {
            throw InvalidArticleException.badRequest("no articles: every line is blank");
        }
        return articles;
    }

    public static ArticleSubmission json(String json, String where) {
        try {
            ArticleSubmission s = SUBMISSION.readValue(json);
            if (s == null) {
                throw InvalidArticleException.badRequest(where + ": empty JSON");
            }
            return s;
        } catch (JsonProcessingException e) {
            throw InvalidArticleException.badRequest(where + ": malformed JSON: " + e.getOriginalMessage());
        }
    }
}

package org.newspipeline.ingest.format;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.newspipeline.contract.ContractJson;
import org.newspipeline.ingest.article.ArticleSubmission;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.extract.PageReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles from what a file or request holds, in any {@link ArticleFormat}. Errors say
 * which line or field is wrong.
 */
public final class ArticleParser {

    private static final ObjectReader SUBMISSION = ContractJson.mapper().readerFor(ArticleSubmission.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The most articles one NDJSON request or file may hold (a request is also limited to 16 MB). */
    public static final int MAX_LINES = 5000;

    private ArticleParser() {
    }

    /**
     * @param address where an HTML page was read from (its canonical link must stay on that host), or null
     * @param pages   reads HTML, off the caller's thread and within its time limit
     */
    public static List<ArticleSubmission> parse(ArticleFormat format, String content, String address, PageReader pages) {
        return switch (format) {
            case TEXT -> List.of(ArticleSubmission.text(content));
            case JSON -> List.of(json(content, "JSON"));
            case NDJSON -> ndjson(content);
            case HTML -> List.of(HtmlArticles.submission(pages.read(content, address)));
        };
    }

    /** One submission per non-blank line; the first bad line fails the whole input. */
    public static List<ArticleSubmission> ndjson(String content) {
        return lines(content).stream().map(l -> json(l.json(), "line " + l.number())).toList();
    }

    /** A non-blank line of NDJSON and its number (from 1). */
    public record Line(int number, String json) {
    }

    /**
     * @throws InvalidArticleException when every line is blank (400) or there are more than
     *                                 {@link #MAX_LINES} articles (413)
     */
    public static List<Line> lines(String content) {
        List<Line> lines = new ArrayList<>();
        String[] all = content == null ? new String[0] : content.split("\r?\n");
        for (int i = 0; i < all.length; i++) {
            if (!all[i].isBlank()) {
                lines.add(new Line(i + 1, all[i]));
            }
        }
        if (lines.isEmpty()) {
            throw InvalidArticleException.badRequest("no articles: every line is blank");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidArticleException(413, lines.size() + " articles; at most " + MAX_LINES + " are taken at once");
        }
        return lines;
    }

    public static ArticleSubmission json(String json, String where) {
        try {
            ArticleSubmission s = SUBMISSION.readValue(json);
            if (s == null) {
                throw InvalidArticleException.badRequest(where + ": empty JSON");
            }
            return s;
        } catch (JsonParseException e) {
            throw InvalidArticleException.badRequest(where + ": malformed JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw InvalidArticleException.badRequest(where + ": " + ContractJson.describe(e));
        }
    }
}

package org.newspipeline.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ArticleDates;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.LanguageCodes;
import org.newspipeline.contract.PayloadText;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.contract.WebUrls;
import org.newspipeline.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns what arrived into a valid raw article with a stable id, or says precisely why it cannot.
 * Whatever it accepts every consumer can store: plausible dates, text without NUL or unpaired
 * surrogates, fields of bounded size.
 */
@ApplicationScoped
class ArticleFactory {

    static final int MAX_CATEGORIES = 100;

    private final IngestConfig config;
    private final Clock clock;

    ArticleFactory(IngestConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param fileTime the reference date when the sender gave none (a file's modification time), or null
     */
    RawArticle fromSubmission(ArticleSubmission s, ArticleOrigin origin, Instant fileTime) {
        String body = requireBody(s.body());
        Instant publishedAt = date("publishedAt", s.publishedAt());
        Instant given = date("receivedAt", s.receivedAt());
        Instant reference = given != null ? given : fileTime;
        List<String> categories = s.categories() == null ? List.of() : s.categories();
        if (categories.size() > MAX_CATEGORIES) {
            throw InvalidArticleException.badRequest("'categories' has " + categories.size() + " entries; at most "
                    + MAX_CATEGORIES + " are kept");
        }
        categories = categories.stream().map(c -> field("categories", c)).filter(c -> c != null).toList();
        String url = url(s.url());
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(url, body), origin.toString(), clock.instant(),
                reference, field("title", s.title()), body, url, field("source", s.source()),
                publishedAt, language(s.language()), field("author", s.author()), categories);
    }

    private String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidArticleException.badRequest("'body' is missing or blank");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxBodyBytes()) {
            throw new InvalidArticleException(413,
                    "'body' is " + bytes + " bytes; the limit is " + config.maxBodyBytes());
        }
        requireStorable("body", body);
        return body.strip();
    }

    private static String url(String value) {
        String url = field("url", value);
        if (url != null && !WebUrls.isWebUrl(url)) {
            throw InvalidArticleException.badRequest("'url' must be an absolute http or https URL");
        }
        return url;
    }

    private static String language(String value) {
        String language = field("language", value);
        if (language == null) {
            return null;
        }
        return LanguageCodes.normalize(language).orElseThrow(() -> InvalidArticleException.badRequest(
                "'language' is an ISO 639-1 code such as en or de (a region may follow: en-GB)"));
    }

    /** @return the stripped value, null when blank */
    private static String field(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > ArticleSubmission.MAX_FIELD_CHARS) {
            throw InvalidArticleException.badRequest("'" + name + "' is " + value.length() + " characters; the limit is "
                    + ArticleSubmission.MAX_FIELD_CHARS);
        }
        requireStorable(name, value);
        return value.strip();
    }

    private static void requireStorable(String name, String value) {
        PayloadText.problem(value).ifPresent(problem ->
                { throw InvalidArticleException.badRequest("'" + name + "' " + problem); });
    }

    private Instant date(String name, String value) {
        try {
            return ArticleDates.parsePlausible(name, value, clock);
        } catch (IllegalArgumentException e) {
            throw InvalidArticleException.badRequest(e.getMessage());
        }
    }
}

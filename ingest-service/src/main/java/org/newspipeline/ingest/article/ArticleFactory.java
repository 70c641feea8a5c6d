package org.newspipeline.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Turns what arrived into a valid raw article with a stable id, or says precisely why it cannot. */
@ApplicationScoped
public class ArticleFactory {

    private final IngestConfig config;
    private final Clock clock;

    public ArticleFactory(IngestConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Wire copy as plain text: everything is the body; enrich-service finds title, source and date. */
    public RawArticle fromText(String text, String origin, Instant referenceDate) {
        String body = requireBody(text, "body");
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(null, body), origin, clock.instant(),
                referenceDate, null, body, null, null, null, null, null, List.of());
    }

    public RawArticle fromSubmission(ArticleSubmission s, String origin) {
        String body = requireBody(s.body(), "body");
        Instant publishedAt = instant("publishedAt", s.publishedAt());
        Instant reference = instant("receivedAt", s.receivedAt());
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(s.url(), body), origin, clock.instant(),
                reference, blankToNull(s.title()), body, blankToNull(s.url()), blankToNull(s.source()), publishedAt,
                blankToNull(s.language()), null, List.of());
    }

    private String requireBody(String body, String field) {
        if (body == null || body.isBlank()) {
            throw InvalidArticleException.badRequest("'" + field + "' is missing or blank");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxBodyBytes()) {
            throw new InvalidArticleException(413,
                    "'" + field + "' is " + bytes + " bytes; the limit is " + config.maxBodyBytes());
        }
        return body.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidArticleException.badRequest(
                    "'" + field + "' is not an ISO-8601 date or date-time with offset: " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

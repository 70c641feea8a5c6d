package org.newspipeline.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ArticleIds;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.format.IsoDates;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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

    /**
     * @param fileTime the reference date when the sender gave none (a file's modification time), or null
     */
    public RawArticle fromSubmission(ArticleSubmission s, String origin, Instant fileTime) {
        String body = requireBody(s.body(), "body");
        Instant publishedAt = IsoDates.parse("publishedAt", s.publishedAt());
        Instant given = IsoDates.parse("receivedAt", s.receivedAt());
        Instant reference = given != null ? given : fileTime;
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(s.url(), body), origin, clock.instant(),
                reference, blankToNull(s.title()), body, blankToNull(s.url()), blankToNull(s.source()), publishedAt,
                blankToNull(s.language()), blankToNull(s.author()), s.categories());
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

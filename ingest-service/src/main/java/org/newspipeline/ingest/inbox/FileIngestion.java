package org.newspipeline.ingest.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.contract.ArticleOrigin;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.ingest.article.Ingestion;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.article.PublishFailedException;
import org.newspipeline.ingest.config.IngestConfig;
import org.newspipeline.ingest.extract.PageReader;
import org.newspipeline.ingest.format.ArticleFormat;
import org.newspipeline.ingest.format.ArticleParser;
import org.newspipeline.ingest.format.TextFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the articles of one file (.txt, .json, .ndjson, .html). The whole file is validated
 * before anything is published, so a bad file publishes nothing.
 */
@ApplicationScoped
public class FileIngestion {

    private final Ingestion ingestion;
    private final IngestConfig config;
    private final PageReader pages;

    public FileIngestion(Ingestion ingestion, IngestConfig config, PageReader pages) {
        this.ingestion = ingestion;
        this.config = config;
        this.pages = pages;
    }

    /** Like {@link #publish} but waits for Kafka's acknowledgement. */
    public List<Ingestion.Outcome> ingest(Path file) throws IOException {
        return publish(file).await().atMost(config.publishTimeout().multipliedBy(2));
    }

    /**
     * Reads and validates the file now, and publishes its articles.
     *
     * @return completes with what happened to each article once Kafka acknowledged all of them, or
     * fails with {@link PublishFailedException} when Kafka could not take them
     * @throws InvalidArticleException when the file cannot be ingested (the reason says why)
     */
    public Uni<List<Ingestion.Outcome>> publish(Path file) throws IOException {
        String name = file.getFileName().toString();
        ArticleFormat format = ArticleFormat.ofFileName(name).orElseThrow(() -> InvalidArticleException.badRequest(
                "unsupported file type; use .txt, .json, .ndjson or .html"));
        String content = TextFiles.read(file);
        List<RawArticle> articles = new ArrayList<>();
        for (var submission : ArticleParser.parse(format, content, null, pages)) {
            articles.add(ingestion.prepare(submission, ArticleOrigin.inbox(name), Files.getLastModifiedTime(file).toInstant()));
        }
        return ingestion.ingestAll(articles);
    }
}

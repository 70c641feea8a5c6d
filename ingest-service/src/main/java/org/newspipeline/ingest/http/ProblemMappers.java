package org.newspipeline.ingest.http;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newspipeline.edge.Problem;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.article.PublishFailedException;
import org.newspipeline.ingest.extract.PageReader;

/** This service's own errors as problem bodies saying what to fix; the common ones are web-edge's. */
public class ProblemMappers {

    static final String RETRY_AFTER_SECONDS = "10";

    @ServerExceptionMapper
    public Response invalid(InvalidArticleException e) {
        return Problem.response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidSource(org.newspipeline.ingest.source.InvalidSourceException e) {
        return e.status() == 503 ? Problem.builder(503, e.getMessage()).header("Retry-After", "5").build()
                : Problem.response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response directoryAway(org.newspipeline.ingest.source.SourcesUnavailableException e) {
        return Problem.builder(503, e.getMessage()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response busy(PageReader.ReadersBusyException e) {
        return Problem.builder(503, e.getMessage()).header("Retry-After", "5").build();
    }

    /** Kafka is away: nothing was accepted, and the client may retry. */
    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        return Problem.builder(503, e.getMessage()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}

package org.newspipeline.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.article.PublishFailedException;

/** Every error this service answers with is a problem+json body saying what to fix. */
public class ProblemMappers {

    static final String RETRY_AFTER_SECONDS = "10";

    @ServerExceptionMapper
    public Response invalid(InvalidArticleException e) {
        return Problem.response(e.status(), e.status() == 413 ? "Payload Too Large" : "Bad Request", e.getMessage())
                .build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
    }

    /** What the framework rejects itself (unreadable JSON, wrong media type, unknown path) also gets a problem body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = e instanceof NotSupportedException
                ? "send text/plain, text/html or application/json (application/x-ndjson to /articles/batch)"
                : e.getCause() instanceof JsonProcessingException json ? "malformed JSON: " + json.getOriginalMessage()
                : e.getMessage();
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), detail).build();
    }

    /** Kafka is away: nothing was accepted, and the client may retry. */
    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        return Problem.response(503, "Service Unavailable", e.getMessage()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}

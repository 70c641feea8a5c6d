package org.newspipeline.query.http;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.index.IndexUnavailableException;
import org.newspipeline.query.index.SearchRefusedException;
import org.newspipeline.query.search.BadParameterException;
import org.newspipeline.query.search.SearchUnavailableException;
import org.newspipeline.query.story.StoryStoreException;

import java.util.UUID;

/** This service's own errors as problem bodies; the common ones are web-edge's. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return Problem.response(400, e.getMessage());
    }

    /** A 503 the client may retry; the cause (which may hold SQL) only in the log. */
    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e) {
        String id = UUID.randomUUID().toString();
        LOG.warnf(e, "search %s could not be answered", id);
        return Problem.builder(503, e.timedOut() ? "the search took too long and was stopped (" + id + ")"
                : "the database is not available now (" + id + ")").header("Retry-After", "5").build();
    }

    /** The text asks more than the engine runs (say, hundreds of words joined by punctuation). */
    @ServerExceptionMapper
    public Response searchRefused(SearchRefusedException e) {
        return Problem.response(400, "q: the search index cannot run this search (" + e.getMessage() + "); use fewer words");
    }

    /**
     * A 503 the client may retry: OpenSearch is away, busy or too slow. Logged in one line (what
     * OpenSearch said), the trace at debug: while a search node is down every search may land here.
     */
    @ServerExceptionMapper
    public Response indexUnavailable(IndexUnavailableException e) {
        String id = UUID.randomUUID().toString();
        LOG.warnf("search %s could not be answered: %s", id, e.getMessage());
        LOG.debugf(e, "search %s", id);
        return Problem.builder(503, "the search index is not available now (" + id + ")").header("Retry-After", "5").build();
    }

    /** A 503 the client may retry: PostgreSQL could not give a story now. */
    @ServerExceptionMapper
    public Response storiesUnavailable(StoryStoreException e) {
        String id = UUID.randomUUID().toString();
        LOG.warnf(e, "story request %s could not be answered", id);
        return Problem.builder(503, "the database is not available now (" + id + ")").header("Retry-After", "5").build();
    }
}

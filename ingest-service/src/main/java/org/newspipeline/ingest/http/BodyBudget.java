package org.newspipeline.ingest.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.newspipeline.edge.Problem;
import org.newspipeline.ingest.config.IngestConfig;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the request bodies held at once ({@code ingest.max-in-flight}). A batch takes several
 * times its size in heap while it is parsed and published, so a handful of the largest at once ran
 * the heap out of memory (docs/benchmarks.md, "Memory"); a request that does not fit now gets 503
 * with Retry-After, before its
 * body is read, and the client sends it again a moment later. A request without a length (chunked)
 * counts as the whole budget.
 */
@ApplicationScoped
public class BodyBudget {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    public BodyBudget(IngestConfig config) {
        this.limit = config.maxInFlight().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response admit(HttpServerRequest request, RoutingContext routing) {
        if (!request.method().name().equals("POST")) {
            return null;
        }
        long size = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (!take(size)) {
            return Problem.builder(503, "the service is reading " + held.get() + " bytes of other requests; a body of "
                    + size + " bytes would pass ingest.max-in-flight (" + limit + "): send it again in a moment")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        // Called once, whether the response was sent or the client went away first (the response's
        // own end handler would not do: there is one, and the framework sets it too).
        routing.addEndHandler(done -> held.addAndGet(-size));
        return null;
    }

    /** A body of any size is admitted when nothing else is held, so that no allowed body waits for ever. */
    private boolean take(long size) {
        long now;
        do {
            now = held.get();
            if (now > 0 && now + size > limit) {
                return false;
            }
        } while (!held.compareAndSet(now, now + size));
        return true;
    }

    private long declaredLength(String header) {
        try {
            return header == null ? limit : Math.min(Math.max(Long.parseLong(header.strip()), 0), limit);
        } catch (NumberFormatException e) {
            return limit;
        }
    }
}

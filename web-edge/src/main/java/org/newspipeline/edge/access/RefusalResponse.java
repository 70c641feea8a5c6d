package org.newspipeline.edge.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newspipeline.edge.Problem;

/**
 * Answers a {@link Refusal} of the access policies as a problem body (HTTP security's own answers
 * have none), with {@code WWW-Authenticate} on a 401 and the CORS header for an allowed origin,
 * and counts it by reason.
 */
@ApplicationScoped
public class RefusalResponse {

    private final MeterRegistry metrics;
    private final CrossOrigins origins;

    public RefusalResponse(MeterRegistry metrics, CrossOrigins origins) {
        this.metrics = metrics;
        this.origins = origins;
    }

    void install(@Observes Router router) {
        // Failure handlers run in route order: this one first, passing on every other failure.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!(context.failure() instanceof Refusal refusal) || context.response().headWritten()) {
            context.next();
            return;
        }
        metrics.counter("news.http.refused", "reason", refusal.reason).increment();
        var response = context.response();
        if (refusal.status == 401) {
            response.putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origins.allowed(origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).putHeader(HttpHeaders.VARY, "Origin");
        }
        Problem.end(response, refusal.status, refusal.getMessage());
    }
}

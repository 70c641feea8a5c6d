package org.newspipeline.edge.access;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newspipeline.edge.Problem;

/**
 * Answers every CORS preflight (OPTIONS with an {@code Origin}) before any route sees it: with the
 * CORS headers for an allowed origin, a 403 problem for any other. It carries no key, so the read
 * policy lets it pass, and no route may answer it instead (the metrics route answers every method).
 */
@ApplicationScoped
public class CorsPreflight {

    private final CrossOrigins origins;

    public CorsPreflight(CrossOrigins origins) {
        this.origins = origins;
    }

    static boolean is(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Origin") != null;
    }

    void install(@Observes Router router) {
        // Before the body limit (-3) and every route.
        router.route().order(-4).handler(context -> {
            if (!is(context.request())) {
                context.next();
                return;
            }
            String origin = context.request().getHeader("Origin");
            if (!origins.allowed(origin)) {
                Problem.end(context.response(), 403, "cross-origin requests are not allowed from " + Problem.printable(origin));
                return;
            }
            context.response().setStatusCode(204)
                    .putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                    .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Content-Encoding")
                    .putHeader("Access-Control-Max-Age", "600")
                    .putHeader("Vary", "Origin")
                    .end();
        });
    }
}

package org.newspipeline.edge;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.newspipeline.contract.PayloadText;
import org.newspipeline.edge.access.CrossOrigins;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every request passes before a resource sees it: a URI of sane length and parameters of
 * storable text; answers to allowed web origins get the CORS header. Who may call what is HTTP
 * security's part (the access package: keys, read and write policies, preflights).
 */
public class EdgeFilter {

    /** Longer request lines are answered 414 here (the HTTP layer's own limit is set above it). */
    static final int MAX_URI_CHARS = 8192;
    /** The one parameter the APIs take several times (all must match); any other given twice is ambiguous. */
    private static final Set<String> REPEATABLE = Set.of("entity");

    private final CrossOrigins origins;

    public EdgeFilter(CrossOrigins origins) {
        this.origins = origins;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        if (request.uri().length() > MAX_URI_CHARS) {
            return Problem.response(414, "the request line is longer than " + MAX_URI_CHARS + " characters");
        }
        return badParameter(request).orElse(null);
    }

    /** Cross-origin answers carry the CORS headers only for the configured origins. */
    @ServerResponseFilter
    public void cors(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origins.allowed(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", "Origin");
        }
    }

    /**
     * Every name and value of the query string, and the path, decoded strictly and checked for
     * storable text; a parameter that takes one value is given once.
     */
    private static Optional<Response> badParameter(HttpServerRequest request) {
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            Set<String> given = new HashSet<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name;
                try {
                    name = StrictPercentDecoding.decode(rawName, true);
                } catch (IllegalArgumentException e) {
                    return Optional.of(Problem.response(400, "a parameter name " + e.getMessage()));
                }
                if (!given.add(name) && !REPEATABLE.contains(name)) {
                    return Optional.of(Problem.response(400, "parameter '" + Problem.printable(name) + "' is given more than once;"
                            + " it takes one value (only " + String.join(", ", REPEATABLE) + " may repeat)"));
                }
                try {
                    String value = eq < 0 ? "" : StrictPercentDecoding.decode(pair.substring(eq + 1), true);
                    Optional<String> wrong = PayloadText.problem(name).or(() -> PayloadText.problem(value));
                    if (wrong.isPresent()) {
                        return Optional.of(Problem.response(400, "parameter '" + Problem.printable(name) + "' " + wrong.get()));
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.of(Problem.response(400, "parameter '" + Problem.printable(name) + "' " + e.getMessage()));
                }
            }
        }
        try {
            return PayloadText.problem(StrictPercentDecoding.decode(request.path(), false))
                    .map(wrong -> Problem.response(400, "the path " + wrong));
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.response(400, "the path " + e.getMessage()));
        }
    }
}

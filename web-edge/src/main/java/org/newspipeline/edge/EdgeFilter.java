package org.newspipeline.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.newspipeline.contract.PayloadText;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every request passes before a resource sees it: a URI of sane length, parameters of
 * storable text, and the caller's right to it. Writes (any method but GET, HEAD and OPTIONS: posts,
 * previews, redrives) need an API key once keys are configured, and come from this machine only
 * while none is; a write from a foreign web origin is refused either way (no cross-site posts).
 * Reads need a read key once read keys are configured, except the health probes.
 */
public class EdgeFilter {

    /** Longer request lines are answered 414 here (the HTTP layer's own limit is set above it). */
    static final int MAX_URI_CHARS = 8192;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** The one parameter the APIs take several times (all must match); any other given twice is ambiguous. */
    private static final Set<String> REPEATABLE = Set.of("entity");
    private static final Logger LOG = Logger.getLogger(EdgeFilter.class);

    private final List<byte[]> apiKeys;
    /** Read keys and API keys: an API key also reads. Empty when no read key is configured. */
    private final List<byte[]> readingKeys;
    private final Set<String> corsOrigins;
    private final MeterRegistry metrics;

    public EdgeFilter(EdgeConfig config, MeterRegistry metrics) {
        this.apiKeys = keys(config.apiKeys()).stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> readKeys = keys(config.readKeys());
        this.readingKeys = readKeys.isEmpty() ? List.of() : Stream.concat(readKeys.stream(), keys(config.apiKeys()).stream())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.corsOrigins = Set.copyOf(keys(config.corsOrigins()));
        this.metrics = metrics;
    }

    void announce(@Observes StartupEvent event) {
        if (apiKeys.isEmpty()) {
            LOG.warn("No API key is configured (NEWS_API_KEYS): writes are accepted from loopback addresses only");
        }
        if (!readingKeys.isEmpty()) {
            LOG.info("Reads need a key (NEWS_READ_KEYS)");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx, HttpServerRequest request) {
        if (request.uri().length() > MAX_URI_CHARS) {
            return Problem.response(414, "the request line is longer than " + MAX_URI_CHARS + " characters");
        }
        Optional<Response> bad = badParameter(request);
        if (bad.isPresent()) {
            return bad.get();
        }
        String origin = ctx.getHeaderString("Origin");
        if (ctx.getMethod().equals("OPTIONS") && origin != null) {
            return preflight(origin);
        }
        return READS.contains(ctx.getMethod()) ? checkRead(ctx) : checkWrite(ctx, request, origin);
    }

    /** Cross-origin answers carry the CORS headers only for the configured origins. */
    @ServerResponseFilter
    public void cors(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
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

    private Response preflight(String origin) {
        if (!corsOrigins.contains(origin)) {
            return Problem.response(403, "cross-origin requests are not allowed from " + Problem.printable(origin));
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Content-Encoding")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build();
    }

    private Response checkRead(ContainerRequestContext ctx) {
        if (readingKeys.isEmpty() || ctx.getUriInfo().getPath().startsWith("/q/health")) {
            return null;
        }
        return authorize(ctx, readingKeys);
    }

    private Response checkWrite(ContainerRequestContext ctx, HttpServerRequest request, String origin) {
        if (origin != null && !sameOrigin(origin, ctx.getHeaderString(HttpHeaders.HOST))
                && !corsOrigins.contains(origin)) {
            return refused("foreign-origin", 403, "writes from another web origin (" + Problem.printable(origin) + ") are refused");
        }
        if (!apiKeys.isEmpty()) {
            return authorize(ctx, apiKeys);
        }
        if (!isLoopback(request.remoteAddress() == null ? null : request.remoteAddress().host())) {
            return refused("not-loopback", 403,
                    "writes are accepted from this machine only while no API key is configured (NEWS_API_KEYS)");
        }
        return null;
    }

    private Response authorize(ContainerRequestContext ctx, List<byte[]> keys) {
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("missing", "an API key is required: Authorization: Bearer <key>");
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(given, key); // every key compared: no early exit to time
        }
        return known ? null : unauthorized("wrong", "the API key is not valid");
    }

    private Response unauthorized(String reason, String detail) {
        metrics.counter("news.http.refused", "reason", reason).increment();
        return Problem.builder(401, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response refused(String reason, int status, String detail) {
        metrics.counter("news.http.refused", "reason", reason).increment();
        return Problem.response(status, detail);
    }

    static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // A numeric address only: no name lookup for what a client sent.
            return (address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))
                    && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<String> keys(Optional<List<String>> configured) {
        return configured.orElse(List.of()).stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}

package org.newspipeline.edge.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The web origins allowed to call across sites, and whether a request comes from another one. */
@ApplicationScoped
public class CrossOrigins {

    private final Set<String> allowed;

    public CrossOrigins(AccessConfig config) {
        this.allowed = Set.copyOf(config.corsOrigins().orElse(List.of()).stream().map(String::strip)
                .filter(o -> !o.isEmpty()).toList());
    }

    public boolean allowed(String origin) {
        return origin != null && allowed.contains(origin);
    }

    /** Sent by a page of a web origin that is neither this service's own nor an allowed one. */
    boolean foreign(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request.getHeader("Host")) && !allowed(origin);
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
}

package org.newspipeline.edge.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.newspipeline.edge.Problem;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Writes (the {@code news-writes} permission: every method the read permission does not name) are
 * refused from a foreign web origin whatever key they carry (no cross-site posts); then they need
 * an API key once keys are configured, and come from this machine only while none is.
 */
@ApplicationScoped
public class WritePolicy implements HttpSecurityPolicy {

    private final ApiKeys keys;
    private final CrossOrigins origins;

    public WritePolicy(ApiKeys keys, CrossOrigins origins) {
        this.keys = keys;
        this.origins = origins;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext context, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext authorization) {
        HttpServerRequest request = context.request();
        if (origins.foreign(request)) {
            return Uni.createFrom().failure(Refusal.forbidden("foreign-origin",
                    "writes from another web origin (" + Problem.printable(request.getHeader("Origin")) + ") are refused"));
        }
        if (keys.writesNeedKey()) {
            return Refusal.unlessRole(ApiKeys.WRITE, identity);
        }
        if (!isLoopback(request.remoteAddress() == null ? null : request.remoteAddress().host())) {
            return Uni.createFrom().failure(Refusal.forbidden("not-loopback",
                    "writes are accepted from this machine only while no API key is configured (NEWS_API_KEYS)"));
        }
        return CheckResult.permit();
    }

    @Override
    public String name() {
        return "news-write";
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
}

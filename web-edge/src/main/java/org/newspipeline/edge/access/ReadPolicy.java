package org.newspipeline.edge.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads (the {@code news-reads} permission) need a read key or an API key once read keys are
 * configured, except the health probes; a CORS preflight carries no key and is answered by
 * {@link CorsPreflight} before any route sees it.
 */
@ApplicationScoped
public class ReadPolicy implements HttpSecurityPolicy {

    private final ApiKeys keys;

    public ReadPolicy(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext context, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext authorization) {
        if (!keys.readsNeedKey() || CorsPreflight.is(context.request()) || isProbe(context)) {
            return CheckResult.permit();
        }
        return Refusal.unlessRole(ApiKeys.READ, identity);
    }

    /**
     * The path the router routes on, not the one HTTP security matches permissions on: that one is
     * decoded further ({@code %2F} becomes a slash), so a path could pass for a probe there and
     * reach another resource here.
     */
    private static boolean isProbe(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/q/health") || path.startsWith("/q/health/");
    }

    @Override
    public String name() {
        return "news-read";
    }
}

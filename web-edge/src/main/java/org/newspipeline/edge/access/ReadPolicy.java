package org.newspipeline.edge.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads (the {@code news-reads} permission) need a read key or an API key once read keys are
 * configured; a CORS preflight carries no key and is answered by the edge filter.
 */
@ApplicationScoped
public class ReadPolicy implements HttpSecurityPolicy {

    private final ApiKeys keys;

    public ReadPolicy(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        if (!keys.readsNeedKey() || (request.request().method() == HttpMethod.OPTIONS && request.request().getHeader("Origin") != null)) {
            return CheckResult.permit();
        }
        return Refusal.unlessRole(ApiKeys.READ, identity);
    }

    @Override
    public String name() {
        return "news-read";
    }
}

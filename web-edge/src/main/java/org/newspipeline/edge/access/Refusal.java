package org.newspipeline.edge.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;

/**
 * A request the access policies turn away, with what the client is told ({@link RefusalResponse}
 * writes it as a problem body) and the reason it is counted under ({@code news.http.refused}).
 */
final class Refusal extends RuntimeException {

    final int status;
    final String reason;

    private Refusal(int status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** 401: no key, or a key that is none of ours or not good for this call (a read key for a write). */
    static Refusal unauthorized(SecurityIdentity caller) {
        return caller.isAnonymous() && !Boolean.TRUE.equals(caller.getAttribute(ApiKeys.UNKNOWN_KEY))
                ? new Refusal(401, "missing", "an API key is required: Authorization: Bearer <key>")
                : new Refusal(401, "wrong", "the API key is not valid");
    }

    /** Permits a caller with the role and refuses any other with a 401. */
    static Uni<HttpSecurityPolicy.CheckResult> unlessRole(String role, Uni<SecurityIdentity> identity) {
        return identity.map(caller -> {
            if (caller.hasRole(role)) {
                return HttpSecurityPolicy.CheckResult.PERMIT;
            }
            throw unauthorized(caller);
        });
    }

    static Refusal forbidden(String reason, String detail) {
        return new Refusal(403, reason, detail);
    }
}

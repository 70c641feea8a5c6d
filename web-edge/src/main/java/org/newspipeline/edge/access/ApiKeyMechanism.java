package org.newspipeline.edge.access;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <key>}. It never refuses: a request without a key is
 * anonymous, one with a key that is not ours is anonymous and marked; the read and write policies
 * decide what each may do, so open reads stay open whatever a client sends.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    private final ApiKeys keys;

    public ApiKeyMechanism(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return bearerKey(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(key -> Uni.createFrom().item(keys.identify(key)))
                .orElseGet(() -> Uni.createFrom().nullItem()); // anonymous
    }

    /** The key of an {@code Authorization: Bearer <key>} header; empty for any other. */
    public static Optional<String> bearerKey(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(authorization.substring(7).strip()) : Optional.empty();
    }

    /** Only HTTP security's own refusals use it (ours are {@link Refusal}s, answered with a problem body). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }
}

package dev.rapport.security;

import java.util.Set;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the bearer token of a request before quarkus-oidc does and, when this process has already verified that exact
 * token ({@link VerifiedTokens}), has it answered by {@link VerifiedTokenProvider} (the augmentors run as always). Any
 * other request gets no answer here and goes on to quarkus-oidc, which verifies it in full.
 * <p>
 * Why: before it looks a token up, quarkus-oidc's mechanism decodes the token's claims twice (to tell a JWT from an
 * opaque token, and to choose the tenant by issuer: {@code resolve-tenants-with-issuer}), parsing the JSON into maps on
 * every request. In a JFR profile of single decisions that was 9% of the service's samples, for a token already known
 * (bench/consent/README.md).
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || tokens.find(token) == null) {
            return Uni.createFrom().nullItem();
        }
        // A plain token credential: quarkus-oidc's AccessTokenCredential decodes the claims again in its constructor.
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    static String bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    /** No challenge of its own: a request it does not answer gets quarkus-oidc's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Before quarkus-oidc's mechanism (which keeps the default priority). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}

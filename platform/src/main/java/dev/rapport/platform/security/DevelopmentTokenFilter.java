package dev.rapport.platform.security;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * For a service-to-service REST client running without Keycloak (the development key, tests): the OIDC client is
 * disabled there, so its filter sends no token, and this one sends the configured development token. It never
 * replaces a token the OIDC client filter set, and without a configured token (always so in production) it does
 * nothing. Subclasses name their setting and carry {@code @Priority(Priorities.AUTHENTICATION + 1)}, so they run
 * after the OIDC client filter.
 */
public abstract class DevelopmentTokenFilter implements ClientRequestFilter {

    /** The configured development token, if any. */
    protected abstract Optional<String> token();

    @Override
    public void filter(ClientRequestContext request) {
        token().filter(t -> !t.isBlank())
                .filter(t -> !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION))
                .ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    }
}

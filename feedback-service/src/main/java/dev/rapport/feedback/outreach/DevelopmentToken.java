package dev.rapport.feedback.outreach;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs without Keycloak (the development key, tests): the OIDC client is disabled there, so its filter sends no
 * token, and this one sends the configured development token ({@code rapport.consent.bearer-token}). It never
 * replaces a token the OIDC client filter set; the caller's own token is never propagated.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class DevelopmentToken implements ClientRequestFilter {
    @ConfigProperty(name = "rapport.consent.bearer-token")
    Optional<String> token;

    @Override
    public void filter(ClientRequestContext request) {
        token.filter(t -> !t.isBlank())
                .filter(t -> !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION))
                .ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    }
}

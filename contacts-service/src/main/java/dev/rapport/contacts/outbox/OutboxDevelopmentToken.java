package dev.rapport.contacts.outbox;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Runs without Keycloak (the development key, tests): the OIDC client is disabled there, so its filter sends no
 * token, and this one sends the configured development token ({@code rapport.outbox.bearer-token}). It never replaces
 * a token the OIDC client filter set.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class OutboxDevelopmentToken implements ClientRequestFilter {
    @Inject
    OutboxConfig config;

    @Override
    public void filter(ClientRequestContext request) {
        config.bearerToken().filter(t -> !t.isBlank())
                .filter(t -> !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION))
                .ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    }
}

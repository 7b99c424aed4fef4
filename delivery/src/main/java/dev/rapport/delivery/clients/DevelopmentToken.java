package dev.rapport.delivery.clients;

import dev.rapport.delivery.DeliveryConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Runs without Keycloak (the development key, tests): the OIDC client is disabled there, so its filter sends no
 * token, and this one sends the configured development token. Without {@code rapport.delivery.bearer-token} it does
 * nothing, which is always the case in production.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class DevelopmentToken implements ClientRequestFilter {
    @Inject
    DeliveryConfig config;

    @Override
    public void filter(ClientRequestContext request) {
        config.bearerToken().filter(t -> !t.isBlank())
                .filter(t -> !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION))
                .ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    }
}

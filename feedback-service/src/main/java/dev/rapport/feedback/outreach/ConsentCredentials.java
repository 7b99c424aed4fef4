package dev.rapport.feedback.outreach;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * The {@code Authorization} header value this service presents to consent-service. The default sends none;
 * a bean implementing this (e.g. Keycloak client credentials via quarkus-oidc-client) replaces it.
 */
public interface ConsentCredentials {
    Uni<Optional<String>> authorization();
}

package dev.rapport.feedback.outreach;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this service presents to consent-service: a fixed bearer token when one is configured (local runs with the
 * development key), otherwise its own Keycloak client's token (client credentials, role integration), cached until
 * it expires. Never the caller's token: feedback-service speaks for itself.
 */
@ApplicationScoped
public class ServiceAccountCredentials implements ConsentCredentials {
    @ConfigProperty(name = "rapport.consent.bearer-token")
    Optional<String> fixedToken;
    @ConfigProperty(name = "rapport.consent.client-credentials", defaultValue = "true")
    boolean clientCredentials;
    @Inject
    Instance<OidcClient> oidcClient;

    private volatile Tokens tokens;

    @Override
    public Uni<Optional<String>> authorization() {
        Optional<String> fixed = fixedToken.filter(t -> !t.isBlank());
        if (fixed.isPresent()) {
            return Uni.createFrom().item(Optional.of("Bearer " + fixed.get()));
        }
        if (!clientCredentials) {
            return Uni.createFrom().item(Optional.empty());
        }
        Tokens current = tokens;
        if (current != null && !current.isAccessTokenExpired()) {
            return Uni.createFrom().item(Optional.of("Bearer " + current.getAccessToken()));
        }
        return oidcClient.get().getTokens().map(fresh -> {
            tokens = fresh;
            return Optional.of("Bearer " + fresh.getAccessToken());
        });
    }
}

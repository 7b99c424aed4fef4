package dev.rapport.feedback.outreach;

import dev.rapport.platform.security.ServiceToken;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this service presents to consent-service: a fixed bearer token when one is configured (local runs with the
 * development key), otherwise its own Keycloak client's token (client credentials, role integration), reused until
 * shortly before it expires. Never the caller's token: feedback-service speaks for itself.
 */
@ApplicationScoped
public class ServiceAccountCredentials implements ConsentCredentials {
    @ConfigProperty(name = "rapport.consent.bearer-token")
    Optional<String> fixedToken;
    @ConfigProperty(name = "rapport.consent.client-credentials", defaultValue = "true")
    boolean clientCredentials;
    @Inject
    Instance<OidcClient> oidcClient;

    private ServiceToken token;

    @PostConstruct
    void init() {
        token = new ServiceToken(fixedToken, clientCredentials, oidcClient::get);
    }

    @Override
    public Uni<Optional<String>> authorization() {
        return token.token().map(t -> t.map(value -> "Bearer " + value));
    }
}

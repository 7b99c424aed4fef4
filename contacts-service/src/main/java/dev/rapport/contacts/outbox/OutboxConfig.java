package dev.rapport.contacts.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.outbox")
public interface OutboxConfig {
    /** consent-service base URL; without it changes wait in the outbox until one is configured. */
    Optional<String> url();

    /**
     * A fixed bearer token for consent-service where there is no Keycloak (local runs; the OIDC client is disabled
     * there); with Keycloak the relay presents its own client-credentials token.
     */
    Optional<String> bearerToken();

    @WithDefault("200")
    int batchSize();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    @WithDefault("10s")
    Duration requestTimeout();
}

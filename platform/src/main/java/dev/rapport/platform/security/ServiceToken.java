package dev.rapport.platform.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * The bearer token a service presents when it calls another service for itself, never a caller's token: a fixed
 * token when one is configured (local runs with the development key), otherwise the service's own Keycloak client's
 * token (client credentials), fetched once and reused until {@link #REFRESH_BEFORE_EXPIRY_SECONDS} before it
 * expires, so that a token never runs out on its way. The service using it needs quarkus-oidc-client.
 */
public final class ServiceToken {
    static final long REFRESH_BEFORE_EXPIRY_SECONDS = 10;

    private final Optional<String> fixed;
    private final boolean clientCredentials;
    private final Supplier<OidcClient> client;
    private volatile Tokens tokens;

    public ServiceToken(Optional<String> fixed, boolean clientCredentials, Supplier<OidcClient> client) {
        this.fixed = fixed.filter(t -> !t.isBlank());
        this.clientCredentials = clientCredentials;
        this.client = client;
    }

    /** The raw token; empty when neither a fixed token nor client credentials are configured. */
    public Uni<Optional<String>> token() {
        if (fixed.isPresent() || !clientCredentials) {
            return Uni.createFrom().item(fixed);
        }
        Tokens current = tokens;
        if (current != null && !expiresSoon(current)) {
            return Uni.createFrom().item(Optional.of(current.getAccessToken()));
        }
        return client.get().getTokens().map(fresh -> {
            tokens = fresh;
            return Optional.of(fresh.getAccessToken());
        });
    }

    static boolean expiresSoon(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return tokens.isAccessTokenExpired()
                || expiresAt != null && Instant.now().getEpochSecond() + REFRESH_BEFORE_EXPIRY_SECONDS >= expiresAt;
    }
}

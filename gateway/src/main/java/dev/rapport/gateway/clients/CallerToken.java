package dev.rapport.gateway.clients;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.token.propagation.reactive.AccessTokenRequestReactiveFilter;
import dev.rapport.security.BenchIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

/**
 * The caller's own bearer token on every call the gateway's REST clients make: Quarkus's token propagation filter
 * (quarkus-rest-client-oidc-token-propagation, the filter {@code @AccessToken} registers). When a call goes out it
 * reads the token of the GraphQL request being served, as whichever OIDC tenant verified it (Keycloak's, or a link
 * session's {@code rapport-links}), so no signature carries a token. A call made without a caller's token is refused
 * with 401 before it leaves the gateway.
 * <p>
 * Registered by its class ({@code @RegisterProvider}) rather than through {@code @AccessToken} for one difference: in
 * the bench profile (docs/operations.md) a request that came without a token acts as the fixed bench identity, and its
 * calls go out without a token, as the services in that profile expect, instead of being refused. Calls made with a
 * token other than the caller's (a new link session counting its link's openings) use a client without this filter.
 */
@Singleton
@Unremovable
@Priority(Priorities.AUTHENTICATION)
public class CallerToken extends AccessTokenRequestReactiveFilter {
    private final boolean benchIdentity = ConfigProvider.getConfig()
            .getOptionalValue(BenchIdentity.ENABLED, Boolean.class).orElse(false);

    @Override
    protected void abortRequest(ResteasyReactiveClientRequestContext request) {
        if (!benchIdentity) {
            super.abortRequest(request);
        }
    }
}

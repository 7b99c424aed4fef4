package dev.rapport.contacts.outbox;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's contact-point facts endpoint (docs/contracts.md), called with this service's own token: the
 * Keycloak client's (client credentials, {@code @OidcClientFilter}, which refreshes a token about to expire once for
 * all callers), or the development token where there is no Keycloak. Built by {@link OutboxRelay} once the URL is
 * configured; a non-2xx answer fails the call.
 */
@RegisterRestClient(configKey = "consent-facts")
@OidcClientFilter
@RegisterProvider(OutboxDevelopmentToken.class)
interface ConsentFactsRestClient {
    @POST
    @Path("/contact-point-facts/events")
    Uni<Void> deliver(List<OutboxMessage> batch);
}

package dev.rapport.feedback.outreach;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's outreach API (docs/contracts.md). Used only through {@link ConsentOutreach}. feedback-service speaks
 * for itself: its own Keycloak client's token ({@code @OidcClientFilter}, client credentials; a token about to expire
 * is refreshed once for all callers), or the development token where there is no Keycloak; never the caller's.
 */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@RegisterProvider(DevelopmentToken.class)
interface OutreachRestClient {

    @POST
    @Path("/outreach/requests")
    Uni<OutreachResult> request(@HeaderParam("Idempotency-Key") String idempotencyKey, OutreachRequest body);

    /** A decision only: stores nothing (used to learn whether a person consent-service did not know yet is known now). */
    @POST
    @Path("/decisions")
    Uni<OutreachResult.Decision> decide(java.util.Map<String, Object> body);
}

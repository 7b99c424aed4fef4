package dev.rapport.delivery.clients.feedback;

import dev.rapport.delivery.clients.DevelopmentToken;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** feedback-service: what its messages are about. Each read is one the integration role is allowed (docs/roles.md). */
@RegisterRestClient(configKey = "feedback")
@OidcClientFilter
@RegisterProvider(DevelopmentToken.class)
interface FeedbackRestClient {
    @GET
    @Path("/invitations/{id}/link")
    Uni<Feedback.InvitationLink> invitationLink(@PathParam("id") UUID invitationId);

    @GET
    @Path("/consultations/{id}")
    Uni<Feedback.Consultation> consultation(@PathParam("id") UUID id);

    @GET
    @Path("/actions/{id}")
    Uni<Feedback.Action> action(@PathParam("id") UUID id);

    @GET
    @Path("/cases/{id}")
    Uni<Feedback.SupportCase> supportCase(@PathParam("id") UUID id);

    @GET
    @Path("/renewal-offers/{id}")
    Uni<Feedback.RenewalOffer> renewalOffer(@PathParam("id") UUID id);
}

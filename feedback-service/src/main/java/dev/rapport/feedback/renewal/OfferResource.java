package dev.rapport.feedback.renewal;

import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An offer by its id alone: what the payloadRef of its messages ({@code feedback:renewal-offer:<id>}) names, for the
 * integration that renders them and for the people they went to.
 */
@Path("/renewal-offers")
public class OfferResource {
    @Inject
    OfferService offers;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "What an offer's message shows: the programme's name and the period",
            description = "For the delivery integration rendering the offer (its messages name only the offer id), and for "
                    + "a person the offer was sent to (role contact: a member of its audience whose message consent-service "
                    + "queued), who reads it from the link in that message.")
    @APIResponse(responseCode = "403", description = "A role that reads no offers, or a contact token without a contact")
    @APIResponse(responseCode = "404", description = "No such offer, or (role contact) one that was not sent to you: whether "
            + "an offer exists is not told to people it was not sent to")
    public Uni<OfferSummary> get(@PathParam("id") UUID id) {
        if (caller.isStaff()) {
            return offers.summary(id);
        }
        UUID contact = caller.contactId().orElseThrow(() -> ProblemException.forbidden("You may only read offers sent to you"));
        return offers.sentTo(id, contact).chain(sent -> sent ? offers.summary(id)
                : Uni.createFrom().failure(ProblemException.notFound("renewal offer", id)));
    }
}

package dev.rapport.feedback.renewal;

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

/** An offer by its id alone: what the payloadRef of its messages ({@code feedback:renewal-offer:<id>}) names. */
@Path("/renewal-offers")
public class OfferResource {
    @Inject
    OfferService offers;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "What an offer's message shows: the programme's name and the period",
            description = "For the delivery integration rendering the offer (its messages name only the offer id).")
    @APIResponse(responseCode = "404", description = "No such offer")
    public Uni<OfferSummary> get(@PathParam("id") UUID id) {
        return offers.summary(id);
    }
}

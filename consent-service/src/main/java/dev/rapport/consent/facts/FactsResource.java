package dev.rapport.consent.facts;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class FactsResource {
    @Inject
    FactsService service;
    @Inject
    Caller caller;

    @POST
    @Path("contact-point-facts/events")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Receive contact-point changes from contacts-service's outbox",
            description = "A JSON array, oldest first (docs/contracts.md). Idempotent by eventId: a redelivered event is a "
                    + "no-op. Only channel, a salted hash of the address, context and provenance are kept.")
    @APIResponse(responseCode = "200", description = "Every event is stored (or already was)")
    @APIResponse(responseCode = "400", description = "A malformed event; nothing of the batch is stored")
    public Uni<FactsService.BatchResult> receive(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid ContactPointChangeEvent> batch) {
        return service.apply(batch);
    }

    @GET
    @Path("contacts/{contactId}/contact-points")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The contact points consent-service knows for a contact (no addresses)")
    public Uni<List<ContactPointFactView>> points(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.pointsOf(contactId);
    }
}

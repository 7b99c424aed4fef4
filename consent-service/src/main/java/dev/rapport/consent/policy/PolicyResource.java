package dev.rapport.consent.policy;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/contacts/{contactId}/policy")
public class PolicyResource {
    @Inject
    PolicyService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The person's contact policy (the defaults when they set none)")
    @APIResponse(responseCode = "403", description = "Another person's policy")
    public Uni<PolicyView> get(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.get(contactId);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "Set the person's contact policy",
            description = "Preferred channels, quiet hours in their zone, a frequency cap across all channels, do-not-contact. "
                    + "Send the version you read once a policy exists.")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "403", description = "Another person's policy")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<PolicyView> put(@PathParam("contactId") UUID contactId, @Valid @NotNull PolicyInput in) {
        caller.assertMayActFor(contactId);
        return service.put(contactId, in, caller.name());
    }
}

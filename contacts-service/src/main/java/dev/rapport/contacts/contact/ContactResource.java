package dev.rapport.contacts.contact;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class ContactResource {
    @Inject
    ContactService service;
    @Inject
    Caller caller;

    @POST
    @Path("contacts")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Create a contact, optionally with contact points")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "422", description = "Unknown organisation")
    public Uni<Response> create(@Valid @NotNull NewContact in) {
        return service.create(in).map(c -> Response.created(URI.create("/contacts/" + c.id())).entity(c).build());
    }

    @GET
    @Path("contacts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Read a contact with its contact points",
            description = "A merged-away id answers with the contact it was merged into. A contact may read only themselves.")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<ContactView> get(@PathParam("id") UUID id) {
        caller.assertMayActFor(id);
        return service.get(id);
    }

    @PUT
    @Path("contacts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Replace a contact's fields", description = "Send the version you read; a stale one gets 409.")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<ContactView> update(@PathParam("id") UUID id, @Valid @NotNull ContactUpdate in) {
        return service.update(id, in);
    }
}

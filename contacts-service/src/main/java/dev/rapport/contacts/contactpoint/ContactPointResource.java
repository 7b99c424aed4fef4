package dev.rapport.contacts.contactpoint;

import dev.rapport.platform.web.QueryParams;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class ContactPointResource {
    @Inject
    ContactPointService service;
    @Inject
    Caller caller;

    @POST
    @Path("contacts/{id}/contact-points")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Attach a contact point, recording where it came from",
            description = "The address is normalised (lower-cased e-mail, E.164 phone). The same address may not be attached twice.")
    @APIResponse(responseCode = "201", description = "Attached; the change is queued for consent-service")
    @APIResponse(responseCode = "400", description = "Invalid address or provenance; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact already has this address")
    public Uni<Response> add(@PathParam("id") UUID contactId, @Valid @NotNull NewContactPoint in) {
        return service.add(contactId, in).map(p -> Response
                .created(URI.create("/contacts/" + p.contactId() + "/contact-points/" + p.id())).entity(p).build());
    }

    @GET
    @Path("contacts/{id}/contact-points")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "A contact's contact points with their provenance and context")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<List<ContactPointView>> list(@PathParam("id") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.list(contactId);
    }

    @GET
    @Path("contact-points")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Contact points of many contacts at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500.")
    @WithSession
    public Uni<List<ContactPointView>> ofMany(@QueryParam("contactIds") List<String> contactIds) {
        return service.listFor(QueryParams.uuids("contactIds", contactIds, 500));
    }

    @PUT
    @Path("contacts/{id}/contact-points/{pointId}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Change a contact point's context or verification time (the address itself never changes)")
    @APIResponse(responseCode = "404", description = "No such contact or contact point")
    public Uni<ContactPointView> update(@PathParam("id") UUID contactId, @PathParam("pointId") UUID pointId,
            @Valid @NotNull ContactPointUpdate in) {
        return service.update(contactId, pointId, in);
    }

    @DELETE
    @Path("contacts/{id}/contact-points/{pointId}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Remove a contact point")
    @APIResponse(responseCode = "204", description = "Removed; the change is queued for consent-service")
    @APIResponse(responseCode = "404", description = "No such contact or contact point")
    public Uni<Void> remove(@PathParam("id") UUID contactId, @PathParam("pointId") UUID pointId) {
        return service.remove(contactId, pointId);
    }
}

package dev.rapport.contacts.followup;

import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.web.QueryParams;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
public class FollowUpResource {
    @Inject
    FollowUpService service;
    @Inject
    Caller caller;

    @POST
    @Path("contacts/{id}/follow-ups")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.CONTACT})
    @Operation(summary = "Record a follow-up expectation (\"call me back in June about X\")",
            description = "It becomes a FOLLOW_UP_DUE signal for the owner on its due day. A contact may record their own.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<Response> create(@PathParam("id") UUID contactId, @Valid @NotNull NewFollowUp in) {
        caller.assertMayActFor(contactId);
        NewFollowUp effective = caller.isStaff() ? in : new NewFollowUp(in.dueOn(), in.topic(), in.note(), FollowUp.StatedBy.CONTACT);
        return service.create(contactId, effective, caller.name()).map(f -> Response.status(201).entity(f).build());
    }

    @GET
    @Path("contacts/{id}/follow-ups")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "A contact's follow-ups (open ones unless includeCompleted=true)")
    public Uni<List<FollowUpView>> list(@PathParam("id") UUID contactId, @QueryParam("includeCompleted") boolean all) {
        caller.assertMayActFor(contactId);
        return service.list(contactId, all);
    }

    @GET
    @Path("by-contact/follow-ups")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "Follow-ups of many contacts at once (for batched lookups)",
            description = "contactIds: comma-separated or repeated, at most 500; open ones unless includeCompleted=true. One "
                    + "entry per distinct id, in the order asked (empty list for none). A contact may ask only for themselves.")
    @APIResponse(responseCode = "400", description = "A contact id is not a UUID, or none or more than 500 were given")
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<FollowUpView>>> byContact(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("includeCompleted") boolean all) {
        List<UUID> ids = QueryParams.uuids("contactIds", contactIds, PerContact.MAX_IDS);
        caller.assertMayActForAll(ids);
        return service.listFor(ids, all);
    }

    @POST
    @Path("contacts/{id}/follow-ups/{followUpId}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Mark a follow-up done; its signal stops")
    @APIResponse(responseCode = "404", description = "No such contact or follow-up")
    public Uni<FollowUpView> complete(@PathParam("id") UUID contactId, @PathParam("followUpId") UUID followUpId) {
        return service.complete(contactId, followUpId, caller.name());
    }
}

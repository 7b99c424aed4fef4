package dev.rapport.feedback.invitation;

import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/invitations")
public class InvitationResource {
    @Inject
    InvitationService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "A person's invitations", description = "A contact may list only their own.")
    @APIResponse(responseCode = "400", description = "contactId missing")
    @APIResponse(responseCode = "403", description = "Not your contact id")
    public Uni<Page<InvitationView>> mine(@QueryParam("contactId") UUID contactId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        if (contactId == null) {
            throw ProblemException.badField("contactId", "is required");
        }
        caller.assertMayActFor(contactId);
        return service.list(null, contactId, null, cursor, Cursor.limit(limit, 100, 1000));
    }

    @GET
    @Path("{id}/link")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The token for an invitation link",
            description = "For the delivery integration that renders the invitation: whoever holds the token may answer, "
                    + "anonymously if they choose.")
    @APIResponse(responseCode = "404", description = "No such invitation")
    public Uni<InvitationLink> link(@PathParam("id") UUID id) {
        return service.link(id);
    }
}

package dev.rapport.feedback.followup;

import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParams;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/threads")
public class ThreadResource {
    @Inject
    ThreadService service;
    @Inject
    Outreach outreach;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "\"Why not\" threads with their messages, oldest activity first",
            description = "Staff filter by consultation and status (OPEN = waiting for staff); a contact must pass their own "
                    + "contactId, or ids (then only their own threads among them are answered). ids (at most 500, comma "
                    + "separated) reads the threads follow-ups link to, in one call.")
    @APIResponse(responseCode = "400", description = "contactId missing for a contact, or more than 500 ids")
    @APIResponse(responseCode = "403", description = "A contact listing someone else's threads")
    public Uni<List<ThreadView>> list(@QueryParam("consultationId") UUID consultationId, @QueryParam("contactId") UUID contactId,
            @QueryParam("status") ThreadStatus status, @QueryParam("ids") List<String> ids) {
        List<UUID> only = ids == null || ids.isEmpty() ? null : QueryParams.uuids("ids", ids, PerContact.MAX_IDS);
        if (!caller.isStaff()) {
            if (contactId == null && only == null) {
                throw ProblemException.badField("contactId", "is required");
            }
            contactId = contactId != null ? contactId : caller.contactId().orElseThrow(() -> ProblemException.forbidden(
                    "You may only act on your own data"));
            caller.assertMayActFor(contactId);
        }
        return service.list(consultationId, contactId, status, only, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "A thread with its messages")
    @APIResponse(responseCode = "404", description = "No such thread")
    public Uni<ThreadView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.CONTACT})
    @Operation(summary = "Reply in a thread",
            description = "Staff who answer: agents, and marketers closing their consultations' loop. A staff reply marks the thread ANSWERED and (askAgain, default true) asks the person again through "
                    + "outreach; a customer message reopens it.")
    @APIResponse(responseCode = "400", description = "Empty body")
    @APIResponse(responseCode = "403", description = "Not your thread")
    @APIResponse(responseCode = "404", description = "No such thread")
    public Uni<ThreadView> post(@PathParam("id") UUID id, @Valid @NotNull NewThreadMessage in) {
        return service.post(id, in, caller).call(p -> outreach.send(p.messageIds())).map(ThreadService.Posted::thread);
    }
}

package dev.rapport.feedback.followup;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/follow-ups")
public class FollowUpResource {
    @Inject
    FollowUpService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.CONTACT})
    @Operation(summary = "A person's \"does this work for you?\" questions",
            description = "A contact may list only their own. Staff never see those asked of an anonymous respondent.")
    @APIResponse(responseCode = "400", description = "contactId missing")
    @APIResponse(responseCode = "403", description = "Not your contact id")
    public Uni<List<FollowUpView>> list(@QueryParam("contactId") UUID contactId, @QueryParam("unanswered") boolean unanswered) {
        if (contactId == null) {
            throw ProblemException.badField("contactId", "is required");
        }
        caller.assertMayActFor(contactId);
        return service.ofContact(contactId, unanswered, !caller.isStaff());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "One follow-up", description = "One asked of an anonymous respondent is visible to that person only.")
    @APIResponse(responseCode = "404", description = "No such follow-up (or, for staff, one asked of an anonymous respondent)")
    public Uni<FollowUpView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "Answer \"does this work for you?\": YES, PARTLY or NO, and why",
            description = "NO opens a conversation thread on the initiative (or reopens yours); YES closes it. "
                    + "Agents may record an answer given by phone or in person.")
    @APIResponse(responseCode = "400", description = "Unknown answer")
    @APIResponse(responseCode = "403", description = "Not your follow-up")
    @APIResponse(responseCode = "404", description = "No such follow-up")
    @APIResponse(responseCode = "409", description = "Already answered")
    public Uni<FollowUpView> answer(@PathParam("id") UUID id, @Valid @NotNull FollowUpAnswer in) {
        return service.answer(id, in, caller);
    }
}

package dev.rapport.feedback.subject;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Data-subject rights in feedback-service, shaped like consent-service's. */
@Path("/contacts/{contactId}")
public class SubjectResource {
    @Inject
    SubjectService service;
    @Inject
    Caller caller;

    @GET
    @Path("/data-export")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Everything feedback-service holds about a person",
            description = "Cases with their history, invitations, responses given under their name, \"does this work for you?\" "
                    + "answers, \"why not\" threads with every message, ratings, greetings, renewal memberships and scores, "
                    + "and every message sent to them, as one JSON document (empty lists for a person this service never "
                    + "heard of). A contact may export only themselves.")
    @APIResponse(responseCode = "403", description = "Another person's data, or a role that may not export")
    public Uni<SubjectExport> export(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.export(contactId, !caller.isStaff());
    }

    @POST
    @Path("/erasure")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACT})
    @Operation(summary = "Erase a person",
            description = "In one transaction: free text is erased (case problems and notes, comments, \"why not\" answers, "
                    + "thread messages, greeting requests, segment references) and every record is unlinked from the person "
                    + "(their id is replaced by a random one that nothing maps back, or removed where it is optional; named "
                    + "responses become anonymous). Counts, stars, buckets, outcomes and renewal scores stay, so reports and "
                    + "loop metrics keep their totals. Messages not yet sent are cancelled. Repeating it changes nothing and "
                    + "answers the same report.")
    @APIResponse(responseCode = "200", description = "Erased (or already erased: the same report)")
    @APIResponse(responseCode = "403", description = "Only an admin, or the person themselves, erases")
    public Uni<ErasureReport> erase(@PathParam("contactId") UUID contactId) {
        caller.assertMayActFor(contactId);
        return service.erase(contactId, caller.name());
    }
}

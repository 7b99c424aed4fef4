package dev.rapport.feedback.followup;

import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.paging.PerParent;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/threads")
public class ThreadResource {
    @Inject
    ThreadService service;
    @Inject
    Outreach outreach;
    @Inject
    ThreadMessageQueries queries;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "\"Why not\" threads, oldest activity first",
            description = "Staff filter by consultation and status (OPEN = waiting for staff); a contact must pass their own "
                    + "contactId, or ids (then only their own threads among them are answered). ids (at most 500, comma "
                    + "separated) reads the threads follow-ups link to, in one call. A page of `limit` threads (default "
                    + "and most 500) continued after `cursor` (a thread's last activity moves it to the end of the list). The threads "
                    + "come without their messages: GET /threads/messages reads a page of each, for many threads in one call.")
    @APIResponse(responseCode = "200", description = "A page of threads",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ThreadPage.class)))
    @APIResponse(responseCode = "400", description = "contactId missing for a contact, more than 500 ids, or a bad cursor or limit")
    @APIResponse(responseCode = "403", description = "A contact listing someone else's threads")
    public Uni<Page<ThreadView.Summary>> list(@QueryParam("consultationId") UUID consultationId, @QueryParam("contactId") UUID contactId,
            @QueryParam("status") ThreadStatus status, @QueryParam("ids") List<String> ids, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        List<UUID> only = ids == null || ids.isEmpty() ? null : QueryParams.uuids("ids", ids, PerContact.MAX_IDS);
        if (!caller.isStaff()) {
            if (contactId == null && only == null) {
                throw ProblemException.badField("contactId", "is required");
            }
            contactId = contactId != null ? contactId : caller.contactId().orElseThrow(() -> ProblemException.forbidden(
                    "You may only act on your own data"));
            caller.assertMayActFor(contactId);
        }
        return service.list(consultationId, contactId, status, only, cursor, Cursor.limit(limit, 500, 500), caller);
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The messages of many threads, oldest first",
            description = "threadIds: comma-separated or repeated, at most 500. One entry per distinct id, in the order "
                    + "asked, each with a page of that thread's messages, its `total` count, `cursors` (one per message) and "
                    + "`next` (null on its last page); pass a cursor back as `cursor` to read on after it (it applies to "
                    + "every thread asked). `limit` (default 20, at most 100) caps each thread's page. One statement for "
                    + "any number of threads. An unknown id answers an empty page and 0, and so does, for a contact, "
                    + "someone else's thread; staff see an anonymous respondent's messages signed \"contact\".")
    @APIResponse(responseCode = "200", description = "One page per thread asked",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = MessagePage.class)))
    @APIResponse(responseCode = "400", description = "A thread id is not a UUID, none or more than 500 were given, or the "
            + "cursor or limit is malformed; the problem names it")
    public Uni<List<PerParent<ThreadView.MessageView>>> messages(@QueryParam("threadIds") List<String> threadIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<UUID> ids = QueryParams.uuids("threadIds", threadIds, PerContact.MAX_IDS);
        UUID onlyOf = caller.ownContactUnlessStaff();
        return queries.messages(ids, cursor, Cursor.limit(limit, 20, 100), onlyOf);
    }

    /** The OpenAPI shape of {@code GET /threads}. */
    record ThreadPage(List<ThreadView.Summary> items, String next, List<String> cursors) {
    }

    /** The OpenAPI shape of one entry of {@code GET /threads/messages}. */
    record MessagePage(UUID id, List<ThreadView.MessageView> items, String next, List<String> cursors, long total) {
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

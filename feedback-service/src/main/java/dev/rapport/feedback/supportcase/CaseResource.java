package dev.rapport.feedback.supportcase;

import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.paging.PerParent;
import dev.rapport.platform.web.QueryParams;
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
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/cases")
public class CaseResource {
    @Inject
    CaseService service;
    @Inject
    CaseMetricsQueries metrics;
    @Inject
    Outreach outreach;
    @Inject
    CaseHistoryQueries history;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "Open a case with the customer's problem in their own words",
            description = "A contact may open a case only for themselves.")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    public Uni<Response> open(@Valid @NotNull NewCase in) {
        return service.open(in, caller).map(c -> Response.created(URI.create("/cases/" + c.id())).entity(c).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "List cases", description = "A contact must pass their own contactId. Staff may pass contactIds "
            + "(repeated, up to 500) to fetch the cases of many people in one call (the gateway's batched lookups).")
    @APIResponse(responseCode = "400", description = "Bad filter, cursor or limit")
    @APIResponse(responseCode = "403", description = "A contact listing someone else's cases")
    public Uni<Page<CaseView>> list(@QueryParam("contactId") UUID contactId, @QueryParam("contactIds") List<UUID> contactIds,
            @QueryParam("status") CaseStatus status,
            @QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        if (!caller.isStaff()) {
            if (contactId == null) {
                throw ProblemException.badField("contactId", "is required");
            }
            caller.assertMayActFor(contactId);
            if (contactIds != null && !contactIds.isEmpty()) {
                throw ProblemException.badField("contactIds", "is for staff; use contactId");
            }
        }
        if (contactIds != null && contactIds.size() > 500) {
            throw ProblemException.badField("contactIds", "at most 500 per call");
        }
        return service.list(contactId, contactIds == null ? List.of() : contactIds, status, assignee, cursor,
                Cursor.limit(limit, 50, 500));
    }

    @GET
    @Path("/metrics")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST})
    @Operation(summary = "Outcome metrics over cases opened in [from, to)",
            description = "Share resolved and confirmed by the customer, median and p90 time to confirmed resolution, reopen "
                    + "rate, first-contact resolution. A case closed by staff but not confirmed does not count as resolved.")
    @APIResponse(responseCode = "400", description = "from/to missing, malformed, or from after to")
    public Uni<CaseMetrics> metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (!f.isBefore(t)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return metrics.metrics(f, t);
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "The status history of many cases, oldest step first",
            description = "caseIds: comma-separated or repeated, at most 500. One entry per distinct id, in the order asked, "
                    + "each with a page of that case's steps, its `total` count, `cursors` (one per step) and `next` (null on "
                    + "its last page); pass a cursor back as `cursor` to read on after it (it applies to every case asked). "
                    + "`limit` (default 20, at most 100) caps each case's page. One statement for any number of cases. An "
                    + "unknown id answers an empty page and 0, and so does, for a contact, someone else's case.")
    @APIResponse(responseCode = "200", description = "One page per case asked",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryPage.class)))
    @APIResponse(responseCode = "400", description = "A case id is not a UUID, none or more than 500 were given, or the "
            + "cursor or limit is malformed; the problem names it")
    public Uni<List<PerParent<CaseView.EventView>>> history(@QueryParam("caseIds") List<String> caseIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<UUID> ids = QueryParams.uuids("caseIds", caseIds, PerContact.MAX_IDS);
        UUID onlyOf = caller.ownContactUnlessStaff();
        return history.history(ids, cursor, Cursor.limit(limit, 20, 100), onlyOf);
    }

    /** The OpenAPI shape of one entry of {@code GET /cases/history}. */
    record HistoryPage(UUID id, List<CaseView.EventView> items, String next, List<String> cursors, long total) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "A case with its status history",
            description = "integration: the delivery integration renders the \"was your problem solved?\" message from it.")
    @APIResponse(responseCode = "404", description = "No such case")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(summary = "Assign the case")
    @APIResponse(responseCode = "404", description = "No such case")
    public Uni<CaseView> assign(@PathParam("id") UUID id, @Valid @NotNull Assignment in) {
        return service.assign(id, in, caller);
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(summary = "Mark the case resolved and ask the customer whether it is",
            description = "The case becomes RESOLVED; it counts as resolved only when the customer confirms. The question goes "
                    + "through consent-service outreach (purpose service).")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "422", description = "The case is not open")
    public Uni<CaseView> resolve(@PathParam("id") UUID id, @Valid @NotNull Resolution in) {
        return service.resolve(id, in, caller).call(c -> outreach.send(c.messageIds())).map(CaseService.Changed::view);
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "The customer's answer: CONFIRMED, or NOT_RESOLVED (which reopens the case)",
            description = "A contact answers for their own case; agents may record an answer given by phone.")
    @APIResponse(responseCode = "403", description = "Not your case")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "422", description = "The case is not waiting for confirmation")
    public Uni<CaseView> confirm(@PathParam("id") UUID id, @Valid @NotNull Confirmation in) {
        return service.confirm(id, in, caller);
    }

    @POST
    @Path("/{id}/reopening")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "Reopen a resolved or confirmed case (the problem came back)")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "422", description = "Already open")
    public Uni<CaseView> reopen(@PathParam("id") UUID id, @Valid @NotNull Reopening in) {
        return service.reopen(id, in, caller);
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            throw ProblemException.badField(field, "is required (an ISO-8601 instant such as 2026-01-31T00:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}

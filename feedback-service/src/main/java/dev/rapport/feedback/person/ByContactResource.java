package dev.rapport.feedback.person;

import dev.rapport.feedback.followup.FollowUpView;
import dev.rapport.feedback.invitation.InvitationView;
import dev.rapport.feedback.rating.RatingView;
import dev.rapport.feedback.response.ResponseView;
import dev.rapport.feedback.supportcase.CaseStatus;
import dev.rapport.feedback.supportcase.CaseView;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Bulk reads for the gateway's batched {@code Contact} fields: {@code contactIds} comma-separated or repeated, at most
 * 500; one entry per distinct id, in the order asked, each with that person's items (an empty list for none); one
 * query per request. A contact may ask only for themselves.
 */
@Path("/by-contact")
public class ByContactResource {
    private static final String IDS = "contactIds: comma-separated or repeated, at most 500. One entry per distinct id, in "
            + "the order asked (an empty list for a person with none). One query. ";
    private static final String PAGED = "Each entry has `cursors` (one per item) and `next` (the last item's, null when "
            + "that person has no more): pass one back as `cursor` to read on after it. A cursor is a position in the "
            + "list's order, so it applies to every id asked (with one id, it continues that person's list). ";
    private static final String BAD_IDS = "A contact id is not a UUID, none or more than 500 were given, or a filter, "
            + "the cursor or the limit is malformed; the problem names it";

    @Inject
    ByContactQueries queries;
    @Inject
    Caller caller;

    @GET
    @Path("cases")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The cases of many people, newest first",
            description = IDS + PAGED + "status filters; `limit` (default 20, at most 100) caps each person's list. Without history.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<CaseView>>> cases(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<UUID> ids = ids(contactIds);
        CaseStatus st = QueryParams.enumValue(CaseStatus.class, "status", status);
        return queries.cases(ids, st, cursor, Cursor.limit(limit, 20, 100));
    }

    @GET
    @Path("invitations")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "The consultation invitations of many people, newest first",
            description = IDS + PAGED + "`limit` (default 20, at most 100) caps each person's list.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<InvitationView>>> invitations(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.invitations(ids(contactIds), cursor, Cursor.limit(limit, 20, 100));
    }

    @GET
    @Path("follow-ups")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.CONTACT})
    @Operation(summary = "The \"does this work for you?\" questions of many people, newest first",
            description = IDS + PAGED + "unanswered=true keeps only those without an answer. `limit` (default 100, at most "
                    + "100) caps each person's list.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<FollowUpView>>> followUps(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("unanswered") boolean unanswered, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return queries.followUps(ids(contactIds), unanswered, !caller.isStaff(), cursor, Cursor.limit(limit, 100, 100));
    }

    @GET
    @Path("ratings")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.CONTACT})
    @Operation(summary = "The star ratings many people gave, newest first",
            description = IDS + PAGED + "`limit` (default 20, at most 100) caps each person's list.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<RatingView>>> ratings(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.ratings(ids(contactIds), cursor, Cursor.limit(limit, 20, 100));
    }

    @GET
    @Path("responses")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST, Roles.AGENT, Roles.CONTACT})
    @Operation(summary = "The consultation responses many people gave under their name, newest first",
            description = IDS + PAGED + "Anonymous responses are never listed. `limit` (default 20, at most 100) caps each list.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A contact asking for someone else")
    public Uni<List<PerContact<ResponseView>>> responses(@QueryParam("contactIds") List<String> contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.responses(ids(contactIds), cursor, Cursor.limit(limit, 20, 100));
    }

    @GET
    @Path("renewal-scores")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "The renewal propensity of many people",
            description = IDS + "Per programme and period the person is a member in: the latest score (1–5, its tier) and "
                    + "the renewal outcome once recorded; newest period first.")
    @APIResponse(responseCode = "400", description = BAD_IDS)
    @APIResponse(responseCode = "403", description = "A role that may not read renewal scores")
    public Uni<List<PerContact<RenewalScoreView>>> renewalScores(@QueryParam("contactIds") List<String> contactIds) {
        return queries.renewalScores(ids(contactIds));
    }

    private List<UUID> ids(List<String> raw) {
        List<UUID> ids = QueryParams.uuids("contactIds", raw, PerContact.MAX_IDS);
        caller.assertMayActForAll(ids);
        return ids;
    }
}

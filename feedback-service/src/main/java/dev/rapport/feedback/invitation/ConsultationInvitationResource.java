package dev.rapport.feedback.invitation;

import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachConfig;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/consultations/{consultationId}/invitations")
public class ConsultationInvitationResource {
    private static final Set<String> STATUSES = Set.of("PENDING", "QUEUED", "DENIED");

    @Inject
    InvitationService service;
    @Inject
    Outreach outreach;
    @Inject
    OutreachConfig config;
    @Inject
    Caller caller;
    @Inject
    SegmentInvitations segments;

    @POST
        @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Invite an audience to an open consultation",
            description = "The audience is a list of contacts or a contacts-service segment (segmentId: its members are read "
                    + "a page at a time with the caller's token, each invitation records the segment and its version). "
                    + "Each person gets one invitation (repeats are skipped), sent through consent-service outreach with "
                    + "purpose survey. The invitation is recorded before it is sent and the outcome after, so nothing is lost "
                    + "if sending stops half-way. Small audiences answer 200 with what consent-service decided; audiences "
                    + "above rapport.outreach.inline-limit answer 202 and are sent in the background.")
    @APIResponse(responseCode = "200", description = "Recorded and sent; delivery counts queued and denied by reason")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @APIResponse(responseCode = "202", description = "Recorded; sending continues in the background")
    @APIResponse(responseCode = "400", description = "Invalid audience; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such consultation")
    @APIResponse(responseCode = "409", description = "The segment changed while its members were being read")
    @APIResponse(responseCode = "422", description = "The consultation is not open, or segmentId names no segment")
    public Uni<Response> invite(@PathParam("consultationId") UUID consultationId, @Valid @NotNull InviteRequest in,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        in.assertOneAudience();
        if (in.segmentId() != null) {
            return segments.invite(consultationId, in, auth, caller.name())
                    .map(o -> (o.background() ? Response.accepted(o.view()) : Response.ok(o.view())).build());
        }
        return service.record(consultationId, in, in.audience(), InvitationService.Source.LIST, caller.name()).chain(r -> {
            if (r.messageIds().size() > config.inlineLimit()) {
                outreach.sendLater(r.messageIds());
                return Uni.createFrom().item(Response.accepted(
                        new InvitationBatchView(consultationId, r.requested(), r.invited(), r.alreadyInvited(), null)).build());
            }
            return outreach.send(r.messageIds()).map(d -> Response.ok(
                    new InvitationBatchView(consultationId, r.requested(), r.invited(), r.alreadyInvited(), d)).build());
        });
    }

    @GET
        @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Who was invited, who was denied and why",
            description = "delivery.status is PENDING (not decided yet), QUEUED (consent-service accepted it) or DENIED with reasons.")
    @APIResponse(responseCode = "400", description = "Bad status, cursor or limit")
    public Uni<Page<InvitationView>> list(@PathParam("consultationId") UUID consultationId, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badField("status", "must be one of PENDING, QUEUED, DENIED");
        }
        return service.list(consultationId, null, status, cursor, Cursor.limit(limit, 100, 1000));
    }
}

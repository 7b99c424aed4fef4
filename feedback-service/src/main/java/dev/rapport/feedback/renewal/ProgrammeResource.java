package dev.rapport.feedback.renewal;

import dev.rapport.feedback.outreach.Outreach;
import dev.rapport.feedback.outreach.OutreachConfig;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.rapport.platform.csv.Csv;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/programmes")
public class ProgrammeResource {
    private static final Pattern PERIOD = Pattern.compile(ProgrammeService.PERIOD);

    @Inject
    ProgrammeService programmes;
    @Inject
    OfferService offers;
    @Inject
    Outreach outreach;
    @Inject
    OutreachConfig config;
    @Inject
    Caller caller;
    @Inject
    ProgrammeQueries queries;
    @Inject
    SegmentOffers segmentOffers;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Programmes, newest first (at most 200), each with its member count, scored periods and offers")
    @APIResponse(responseCode = "200", description = "The programmes")
    public Uni<java.util.List<ProgrammeSummary>> list() {
        return queries.list();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Create a renewal programme (e.g. a season ticket)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    public Uni<Response> create(@Valid @NotNull NewProgramme in) {
        return programmes.create(in, caller.name()).map(p -> Response.created(URI.create("/programmes/" + p.id())).entity(p).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "A programme")
    @APIResponse(responseCode = "404", description = "No such programme")
    public Uni<ProgrammeView> get(@PathParam("id") UUID id) {
        return programmes.get(id);
    }

    @POST
    @Path("/{id}/members/import")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Import members with their propensity scores (1–5, with who/what scored them) and outcomes for a period",
            description = "All or nothing: any invalid row rejects the import and names the row. Re-importing the same rows "
                    + "changes nothing; a changed score is appended (the latest counts), a changed outcome replaces the old one.")
    @APIResponse(responseCode = "200", description = "Imported")
    @APIResponse(responseCode = "400", description = "Invalid rows, named as rows[i].field")
    @APIResponse(responseCode = "404", description = "No such programme")
    public Uni<ImportResult> importMembers(@PathParam("id") UUID id, @Valid @NotNull MemberImport in) {
        return programmes.importMembers(id, in, caller.name());
    }

    @POST
    @Path("/{id}/scores")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Score one member's propensity to renew for a period")
    @APIResponse(responseCode = "400", description = "Score outside 1–5 or bad period")
    @APIResponse(responseCode = "404", description = "No such programme")
    public Uni<ImportResult> score(@PathParam("id") UUID id, @Valid @NotNull NewScore in) {
        return programmes.score(id, in, caller.name());
    }

    @PUT
    @Path("/{id}/outcomes")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.AGENT, Roles.INTEGRATION})
    @Operation(summary = "Record a member's renewal outcome for a period: RENEWED_EARLY, RENEWED or LAPSED")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "422", description = "Not a member")
    public Uni<Response> outcome(@PathParam("id") UUID id, @Valid @NotNull NewOutcome in) {
        return programmes.outcome(id, in, caller.name()).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "Renewal and early-renewal rate per score tier, with counts: does the score predict?",
            description = RenewalReport.DEFINITION)
    @APIResponse(responseCode = "400", description = "period missing or malformed")
    @APIResponse(responseCode = "404", description = "No such programme")
    public Uni<RenewalReport> report(@PathParam("id") UUID id, @QueryParam("period") String period) {
        return programmes.report(id, period(period));
    }

    @GET
    @Path("/{id}/report")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "The tier report as CSV (ask for text/csv)",
            description = "Rows tier 1–5, then total (the whole programme), then unscored (members with no score for the "
                    + "period: members column only). Columns as the JSON report. " + RenewalReport.DEFINITION)
    @APIResponse(responseCode = "200", description = "CSV with a header row; Content-Disposition names the file")
    @APIResponse(responseCode = "400", description = "period missing or malformed")
    @APIResponse(responseCode = "404", description = "No such programme")
    public Uni<Response> reportCsv(@PathParam("id") UUID id, @QueryParam("period") String period) {
        String checked = period(period);
        return programmes.report(id, checked).map(r -> Response.ok(RenewalReportCsv.of(r), Csv.MEDIA_TYPE)
                .header("Content-Disposition", Csv.attachment("renewal-report-" + id + "-" + checked.replaceAll("[^A-Za-z0-9._-]", "-")
                        + ".csv")).build());
    }

    private static String period(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.badField("period", "is required: letters, digits, / _ . - (e.g. 2026/27)");
        }
        return period;
    }

    @POST
    @Path("/{id}/offers")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Send an early-renewal offer to the undecided members of the chosen score tiers",
            description = "Each member gets one outreach request (purpose renewal-offers, the channel asked for); consent-service "
                    + "decides. With segmentId, only the members of that contacts-service segment (read a page at a time with "
                    + "the caller's token; the offer records the segment and its version). Small audiences answer 201 with the "
                    + "decisions; large ones 202, sent in the background.")
    @APIResponse(responseCode = "201", description = "Sent; delivery counts queued and denied by reason")
    @APIResponse(responseCode = "202", description = "Recorded; sending continues in the background")
    @APIResponse(responseCode = "400", description = "Tier outside 1–5, bad channel or period")
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "409", description = "The segment changed while its members were being read")
    @APIResponse(responseCode = "422", description = "segmentId names no segment")
    public Uni<Response> offer(@PathParam("id") UUID id, @Valid @NotNull NewOffer in,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Uni<OfferService.SegmentAudience> segment = in.segmentId() == null ? Uni.createFrom().nullItem()
                : segmentOffers.audience(id, in.segmentId(), auth);
        return segment.chain(s -> offers.record(id, in, s, caller.name())).chain(r -> {
            URI location = URI.create("/programmes/" + id + "/offers/" + r.offer().id);
            if (r.messageIds().size() > config.inlineLimit()) {
                outreach.sendLater(r.messageIds());
                return Uni.createFrom().item(Response.accepted(OfferService.view(r.offer(), null)).location(location).build());
            }
            return outreach.send(r.messageIds()).map(d -> Response.created(location).entity(OfferService.view(r.offer(), d)).build());
        });
    }

    @GET
    @Path("/{id}/offers/{offerId}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "An offer and where its messages stand (queued, denied by reason, pending)")
    @APIResponse(responseCode = "404", description = "No such offer")
    public Uni<OfferView> getOffer(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId) {
        return offers.require(id, offerId).chain(o -> offers.delivery(o.id).map(d -> OfferService.view(o, d)));
    }
}

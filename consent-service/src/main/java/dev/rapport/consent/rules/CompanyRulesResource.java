package dev.rapport.consent.rules;

import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The company's rules beside each person's own policy: caps, quiet dates, quiet hours (docs/consent.md). */
@Path("/company-rules")
public class CompanyRulesResource {
    @Inject
    CompanyRulesService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Every company rule, and the purposes they never apply to",
            description = "Decisions apply them beside the person's policy; each rule in the way is a reason (company-*).")
    public Uni<CompanyRulesView> all() {
        return service.all();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "The audit of company rules, newest first: who changed what, when, before and after")
    @APIResponse(responseCode = "400", description = "Invalid paging; the problem names the field")
    public Uni<List<RuleChangeView>> changes(@QueryParam("ruleId") UUID ruleId,
            @QueryParam("before") UUID before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(CompanyRulesService.MAX_CHANGES) int limit) {
        return service.changes(ruleId, before, limit);
    }

    @POST
    @Path("/caps")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a company cap (per channel, per purpose, or a purpose on a channel)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "409", description = "A cap for this channel and purpose exists")
    @APIResponse(responseCode = "422", description = "The purpose is not defined")
    public Uni<Response> createCap(@Valid @NotNull CapInput in) {
        return service.createCap(in, caller.name()).map(v -> created("caps", v.id(), v));
    }

    @PUT
    @Path("/caps/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a company cap; send the version you read")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "409", description = "Stale version, or another cap has this scope")
    public Uni<CapView> replaceCap(@PathParam("id") UUID id, @Valid @NotNull CapInput in) {
        return service.replaceCap(id, in, caller.name());
    }

    @DELETE
    @Path("/caps/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a company cap")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<Void> deleteCap(@PathParam("id") UUID id) {
        return service.deleteCap(id, caller.name());
    }

    @POST
    @Path("/quiet-dates")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add company quiet dates (a holiday or a range), for one channel or all")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input (e.g. endDate before startDate); the problem names the field")
    public Uni<Response> createQuietDates(@Valid @NotNull QuietDatesInput in) {
        return service.createQuietDates(in, caller.name()).map(v -> created("quiet-dates", v.id(), v));
    }

    @PUT
    @Path("/quiet-dates/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace company quiet dates; send the version you read")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "409", description = "Stale version")
    public Uni<QuietDatesView> replaceQuietDates(@PathParam("id") UUID id, @Valid @NotNull QuietDatesInput in) {
        return service.replaceQuietDates(id, in, caller.name());
    }

    @DELETE
    @Path("/quiet-dates/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove company quiet dates")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<Void> deleteQuietDates(@PathParam("id") UUID id) {
        return service.deleteQuietDates(id, caller.name());
    }

    @POST
    @Path("/quiet-hours")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add company quiet hours for a channel (or every channel), in the person's zone")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "409", description = "Quiet hours for this channel exist")
    public Uni<Response> createQuietHours(@Valid @NotNull QuietHoursInput in) {
        return service.createQuietHours(in, caller.name()).map(v -> created("quiet-hours", v.id(), v));
    }

    @PUT
    @Path("/quiet-hours/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace company quiet hours; send the version you read")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "409", description = "Stale version, or quiet hours for this channel exist")
    public Uni<QuietHoursView> replaceQuietHours(@PathParam("id") UUID id, @Valid @NotNull QuietHoursInput in) {
        return service.replaceQuietHours(id, in, caller.name());
    }

    @DELETE
    @Path("/quiet-hours/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove company quiet hours")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<Void> deleteQuietHours(@PathParam("id") UUID id) {
        return service.deleteQuietHours(id, caller.name());
    }

    private static Response created(String kind, UUID id, Object view) {
        return Response.created(URI.create("/company-rules/" + kind + "/" + id)).entity(view).build();
    }
}

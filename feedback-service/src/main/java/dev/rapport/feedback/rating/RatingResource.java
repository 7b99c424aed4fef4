package dev.rapport.feedback.rating;

import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.rapport.platform.idempotency.Idempotency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/ratings")
public class RatingResource {
    @Inject
    RatingService service;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "Record a 1–5 star rating of an interaction, a case or a staff member, with a comment",
            description = "A customer rates as themselves (contactId must be theirs), and a case only if it is theirs.")
    @APIResponse(responseCode = "201", description = "Recorded (a retry with the same Idempotency-Key is not recorded twice)")
    @APIResponse(responseCode = "400", description = "Stars outside 1–5, unknown subject type, …; the problem names the field")
    @APIResponse(responseCode = "422", description = "A CASE rating naming no existing case")
    public Uni<Response> rate(@Valid @NotNull NewRating in, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return service.rate(in, caller, idempotencyKey).map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Path("/report")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Average and distribution of stars per staff member or per touchpoint over [from, to)")
    @APIResponse(responseCode = "400", description = "by not staff|touchpoint, or bad from/to")
    public Uni<RatingReport> report(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("subjectType") SubjectType subjectType) {
        if (!"staff".equals(by) && !"touchpoint".equals(by)) {
            throw ProblemException.badField("by", "must be staff or touchpoint");
        }
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (!f.isBefore(t)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return service.report(by, f, t, subjectType);
    }

    public static Instant instant(String field, String value) {
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

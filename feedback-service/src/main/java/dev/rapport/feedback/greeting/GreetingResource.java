package dev.rapport.feedback.greeting;

import dev.rapport.feedback.rating.RatingResource;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/greetings")
public class GreetingResource {
    @Inject
    GreetingService service;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION})
    @Operation(summary = "Record a visitor encounter: greeted?, \"Can I do anything for you?\", and what came of it",
            description = "With result ASKED, openCase=true and a contactId, the request becomes a case (channel IN_PERSON).")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Inconsistent flags (e.g. help offered but not greeted, ASKED without a request)")
    public Uni<Response> record(@Valid @NotNull NewGreeting in, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return service.record(in, caller, idempotencyKey).map(g -> Response.status(201).entity(g).build());
    }

    @GET
    @Path("/report")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Share of visitors greeted and share who asked for something, per touchpoint over [from, to)")
    @APIResponse(responseCode = "400", description = "Bad from/to")
    public Uni<GreetingReport> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = RatingResource.instant("from", from);
        Instant t = RatingResource.instant("to", to);
        if (!f.isBefore(t)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return service.report(f, t);
    }
}

package dev.rapport.feedback.loop;

import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/consultations/{id}/loop-metrics")
public class LoopMetricsResource {
    @Inject
    LoopMetricsService service;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "Did we close the loop?",
            description = "Share of respondents told what became of every initiative they rated, median and p90 time from "
                    + "response to answer, agreement (yes share) per initiative, and open \"why not\" threads.")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public Uni<LoopMetrics> metrics(@PathParam("id") UUID id) {
        return service.metrics(id);
    }
}

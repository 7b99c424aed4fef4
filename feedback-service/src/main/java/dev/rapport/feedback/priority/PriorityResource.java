package dev.rapport.feedback.priority;

import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.rapport.platform.csv.Csv;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/consultations/{id}/priorities")
public class PriorityResource {
    private static final Pattern KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");

    @Inject
    PriorityService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "What matters most: per initiative the bucket distribution, score and rank",
            description = PrioritiesView.SCORE_DEFINITION)
    @APIResponse(responseCode = "400", description = "A segment filter that is not key:value")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public Uni<PrioritiesView> priorities(@PathParam("id") UUID id,
            @Parameter(description = "Segment attribute captured at invitation, as key:value; repeat to combine (AND)",
                    example = "region:north") @QueryParam("segment") List<String> segment) {
        return service.priorities(id, parse(segment));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "The ranked priorities as CSV (ask for text/csv)",
            description = "One row per initiative in rank order: rank, position, initiativeId, title, score, ratings, the four "
                    + "bucket counts, then the four shares. Cells a spreadsheet would run as a formula start with a quote. "
                    + PrioritiesView.SCORE_DEFINITION)
    @APIResponse(responseCode = "200", description = "CSV with a header row; Content-Disposition names the file")
    @APIResponse(responseCode = "400", description = "A segment filter that is not key:value")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public Uni<Response> prioritiesCsv(@PathParam("id") UUID id,
            @Parameter(description = "As for the JSON report", example = "region:north") @QueryParam("segment") List<String> segment) {
        return service.priorities(id, parse(segment)).map(view -> Response.ok(PrioritiesCsv.of(view), Csv.MEDIA_TYPE)
                .header("Content-Disposition", Csv.attachment("priorities-" + id + ".csv")).build());
    }

    static Map<String, String> parse(List<String> filters) {
        Map<String, String> out = new TreeMap<>();
        if (filters == null) {
            return out;
        }
        for (String f : filters) {
            int colon = f.indexOf(':');
            if (colon < 1 || !KEY.matcher(f.substring(0, colon)).matches() || colon == f.length() - 1) {
                throw ProblemException.badField("segment", "must be key:value, e.g. region:north");
            }
            out.put(f.substring(0, colon), f.substring(colon + 1));
        }
        return out;
    }
}

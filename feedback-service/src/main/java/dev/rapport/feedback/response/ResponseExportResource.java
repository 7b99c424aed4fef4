package dev.rapport.feedback.response;

import dev.rapport.feedback.consultation.ConsultationService;
import dev.rapport.platform.csv.Csv;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/consultations/{id}/responses")
public class ResponseExportResource {
    @Inject
    ConsultationService consultations;
    @Inject
    ResponseExportQueries queries;

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MARKETER})
    @Operation(summary = "Every response to the consultation as CSV (streamed), one row per rating",
            description = "Columns: respondent, anonymous, responseId, contactId, submittedAt, position, initiativeId, "
                    + "initiative, bucket, comment. A named response's rows carry its id as respondent, its contact and "
                    + "time. An anonymous response's rows carry only anonymous-<n>, numbered in an order drawn anew for "
                    + "each export, with no response id, contact or time: nothing in the file leads back to the person. "
                    + "Cells a spreadsheet would run as a formula start with a quote.")
    @APIResponse(responseCode = "200", description = "CSV with a header row; Content-Disposition names the file")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public Multi<String> responsesCsv(@PathParam("id") UUID id) {
        return RestMulti.fromUniResponse(consultations.get(id), consultation -> {
            ResponsesCsv csv = new ResponsesCsv(consultation.initiatives());
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(ResponsesCsv.header()),
                    queries.pages(id).map(csv::rows));
        }, consultation -> Map.of("Content-Disposition", List.of(Csv.attachment("responses-" + id + ".csv"))));
    }
}

package dev.rapport.gateway.export;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Reports as CSV files a page can save: the text comes from feedback-service (which neutralises formula cells), so a
 * front-end needs nothing but its GraphQL call and a Blob.
 */
@GraphQLApi
public class ExportGraphQLApi {
    @Inject
    FeedbackClient feedback;

    @Query
    @Description("The ranked priorities as CSV (one row per initiative, as `priorities`); null when there is no such "
            + "consultation.")
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<CsvFile> prioritiesCsv(@Id @NonNull String consultationId, List<String> segment) {
        return failed(feedback.prioritiesCsv(consultationId, segment == null || segment.isEmpty() ? null : segment))
                .map(csv -> CsvFile.of("priorities-" + consultationId + ".csv", csv));
    }

    @Query
    @Description("Every response to the consultation as CSV, one row per rating. Anonymous responses carry only "
            + "`anonymous-<n>` (numbered within this file alone), no response id, contact or time. Null when there is "
            + "no such consultation.")
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<CsvFile> consultationResponsesCsv(@Id @NonNull String consultationId) {
        return failed(feedback.responsesCsv(consultationId))
                .map(csv -> CsvFile.of("responses-" + consultationId + ".csv", csv));
    }

    @Query
    @Description("The renewal tier report for a period as CSV: rows 1–5, total, unscored. Null when there is no such "
            + "programme.")
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<CsvFile> renewalReportCsv(@Id @NonNull String programmeId, @NonNull String period) {
        return failed(feedback.renewalReportCsv(programmeId, period))
                .map(csv -> CsvFile.of("renewal-report-" + programmeId + "-" + period.replaceAll("[^A-Za-z0-9._-]", "-") + ".csv", csv));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}

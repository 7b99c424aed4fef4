package dev.rapport.gateway.rating;

import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;

import java.time.Instant;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Star ratings (feedback-service). */
@GraphQLApi
public class RatingGraphQLApi {
    @Inject
    FeedbackClient feedback;
    @Inject
    Caller caller;

    @Query
    @Description("Ratings over [from, to) (default: the last 30 days) grouped by staff or touchpoint, optionally one subject type.")
    @RolesAllowed({ADMIN, ANALYST})
    public Uni<RatingReport> ratingReport(@Description("STAFF or TOUCHPOINT (default STAFF)") RatingGrouping by, Instant from,
            Instant to, RatingSubjectType subjectType) {
        String grouping = (by == null ? RatingGrouping.STAFF : by).serviceValue();
        return failed(feedback.ratingReport(grouping, text(from), text(to), Enums.name(subjectType)))
                .map(RatingReport::withShares);
    }

    @Mutation
    @Description("Rate an interaction, a case or a staff member. A contact rates only as itself (and only its own cases). "
            + "The same idempotencyKey returns the first answer again.")
    @RolesAllowed({ADMIN, AGENT, INTEGRATION, CONTACT})
    public Uni<Rating> rate(@NonNull RatingInput input, String idempotencyKey) throws AccessDeniedError {
        if (input.contactId() != null) {
            caller.assertMayActFor(input.contactId());
        }
        return failed(feedback.rate(idempotencyKey, input));
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}

package dev.rapport.gateway.greeting;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.INTEGRATION;

import java.time.Instant;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Greetings at touchpoints (feedback-service). */
@GraphQLApi
public class GreetingGraphQLApi {
    @Inject
    FeedbackClient feedback;

    @Query
    @Description("Per touchpoint over [from, to) (default: the last 30 days): visitors, share greeted, share who asked for something.")
    @RolesAllowed({ADMIN, ANALYST})
    public Uni<GreetingReport> greetingReport(Instant from, Instant to) {
        return failed(feedback.greetingReport(from == null ? null : from.toString(),
                to == null ? null : to.toString()));
    }

    @Mutation
    @Description("Record one visitor encounter (a visitor not greeted too); ASKED with openCase turns the request into a case. "
            + "The same idempotencyKey returns the first answer again.")
    @RolesAllowed({ADMIN, AGENT, INTEGRATION})
    public Uni<Greeting> recordGreeting(@NonNull GreetingInput input, String idempotencyKey) {
        return failed(feedback.recordGreeting(idempotencyKey, input));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}

package dev.rapport.gateway.renewal;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Renewal programmes: cohorts, propensity scores, real outcomes, the tier report and early-renewal offers (feedback-service). */
@GraphQLApi
public class RenewalGraphQLApi {
    @Inject
    FeedbackClient feedback;

    @Query
    @Description("Every renewal programme, newest first (at most 200), with its members, scored periods and offers.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST})
    public Uni<java.util.List<ProgrammeSummary>> programmes() {
        return failed(feedback.programmes());
    }

    @Query
    @Description("One renewal programme; null when there is none.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST})
    public Uni<Programme> programme(@Id @NonNull String id) {
        return failed(feedback.programme(id));
    }

    @Query
    @Description("Renewal rate per score tier for a period (e.g. 2026/27): does the score predict who renews?")
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<RenewalReport> renewalReport(@Id @NonNull String programmeId, @NonNull String period) {
        return failed(feedback.renewalReport(programmeId, period)).map(r -> r == null ? null : r.withShares());
    }

    @Query
    @Description("An early-renewal offer and where its messages stand.")
    @RolesAllowed({ADMIN, MARKETER, ANALYST})
    public Uni<Offer> renewalOffer(@Id @NonNull String programmeId, @Id @NonNull String offerId) {
        return failed(feedback.renewalOffer(programmeId, offerId));
    }

    @Query
    @Description("An early-renewal offer sent to the caller (role contact, or a session from the offer's e-mail link): "
            + "the programme and the period. forbidden for an offer not sent to them; null when there is none.")
    @RolesAllowed(CONTACT)
    public Uni<RenewalOfferToPerson> myRenewalOffer(@Id @NonNull String id) {
        return failed(feedback.renewalOfferToPerson(id));
    }

    @Mutation
    @Description("Create a renewal programme (the cohort's home).")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Programme> createProgramme(@NonNull Inputs.NewProgramme input) {
        return failed(feedback.createProgramme(input));
    }

    @Mutation
    @Description("Members with their score and outcome for one period; all or nothing, re-importing the same rows is a no-op.")
    @RolesAllowed({ADMIN, MARKETER, INTEGRATION})
    public Uni<MemberImportResult> importProgrammeMembers(@Id @NonNull String programmeId, @NonNull Inputs.MemberImport input) {
        return failed(feedback.importMembers(programmeId, input));
    }

    @Mutation
    @Description("One propensity score (source API); scores are append-only, a member's tier is the latest for the period.")
    @RolesAllowed({ADMIN, MARKETER, INTEGRATION})
    public Uni<MemberImportResult> scoreMember(@Id @NonNull String programmeId, @NonNull Inputs.NewScore input) {
        return failed(feedback.scoreMember(programmeId, input));
    }

    @Mutation
    @Description("A member's real renewal outcome for a period (replaces an earlier one). Answers true once recorded; "
            + "rule-broken when the contact is not a member.")
    @RolesAllowed({ADMIN, MARKETER, AGENT, INTEGRATION})
    public Uni<Boolean> recordRenewalOutcome(@Id @NonNull String programmeId, @NonNull Inputs.NewOutcome input) {
        return failed(feedback.recordOutcome(programmeId, input).replaceWith(Boolean.TRUE));
    }

    @Mutation
    @Description("Send an early-renewal offer (purpose renewal-offers) to the undecided members of the chosen tiers.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Offer> sendRenewalOffer(@Id @NonNull String programmeId, @NonNull Inputs.NewOffer input) {
        return failed(feedback.sendOffer(programmeId, input));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}

package dev.rapport.gateway.rules;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.consent.CompanyRulesClient;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.rules.CompanyRules.CompanyCap;
import dev.rapport.gateway.rules.CompanyRules.CompanyQuietDates;
import dev.rapport.gateway.rules.CompanyRules.CompanyQuietHours;
import dev.rapport.gateway.rules.CompanyRules.CompanyRuleChange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The company's caps, quiet dates and quiet hours (consent-service /company-rules): staff read them, admins change them. */
@GraphQLApi
public class CompanyRulesGraphQLApi {
    @Inject
    CompanyRulesClient rules;

    @Query
    @Description("The company's rules beside each person's own policy: caps per channel and purpose, quiet dates, quiet "
            + "hours per channel, and the transactional purposes they never apply to.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<CompanyRules> companyRules() {
        return failed(rules.rules());
    }

    @Query
    @Description("The audit of company rules, newest first (of one rule with ruleId): who changed what, when, before and "
            + "after. Page with `before` = the last change's id; at most `first` (1–500).")
    @RolesAllowed({ADMIN, ANALYST})
    public Uni<List<CompanyRuleChange>> companyRuleChanges(@Id String ruleId, @Id String before,
            @DefaultValue("50") int first) throws InvalidInputError {
        if (ruleId != null) {
            InvalidInputError.requireUuid("ruleId", ruleId);
        }
        if (before != null) {
            InvalidInputError.requireUuid("before", before);
        }
        return failed(rules.changes(ruleId, before, Math.max(1, Math.min(first, 500))));
    }

    @Mutation
    @Description("Add a company cap (e.g. SMS at most 1 per 7 days). Errors: invalid-input naming the field, conflict when a "
            + "cap for this channel and purpose exists, rule-broken for an undefined purpose.")
    @RolesAllowed(ADMIN)
    public Uni<CompanyCap> createCompanyCap(@NonNull Inputs.CompanyCapInput input) {
        return failed(rules.createCap(input));
    }

    @Mutation
    @Description("Replace a company cap; input.version is the version you read (conflict when stale).")
    @RolesAllowed(ADMIN)
    public Uni<CompanyCap> updateCompanyCap(@Id @NonNull String id, @NonNull Inputs.CompanyCapInput input) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.replaceCap(id, input));
    }

    @Mutation
    @Description("Remove a company cap; answers its id.")
    @RolesAllowed(ADMIN)
    @Id
    public Uni<String> deleteCompanyCap(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.deleteCap(id).replaceWith(id));
    }

    @Mutation
    @Description("Add company quiet dates (a holiday or a range), for one channel or every channel.")
    @RolesAllowed(ADMIN)
    public Uni<CompanyQuietDates> createCompanyQuietDates(@NonNull Inputs.CompanyQuietDatesInput input) {
        return failed(rules.createQuietDates(input));
    }

    @Mutation
    @Description("Replace company quiet dates; input.version is the version you read.")
    @RolesAllowed(ADMIN)
    public Uni<CompanyQuietDates> updateCompanyQuietDates(@Id @NonNull String id, @NonNull Inputs.CompanyQuietDatesInput input)
            throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.replaceQuietDates(id, input));
    }

    @Mutation
    @Description("Remove company quiet dates; answers their id.")
    @RolesAllowed(ADMIN)
    @Id
    public Uni<String> deleteCompanyQuietDates(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.deleteQuietDates(id).replaceWith(id));
    }

    @Mutation
    @Description("Add company quiet hours for a channel or every channel (one each), in the person's zone.")
    @RolesAllowed(ADMIN)
    public Uni<CompanyQuietHours> createCompanyQuietHours(@NonNull Inputs.CompanyQuietHoursInput input) {
        return failed(rules.createQuietHours(input));
    }

    @Mutation
    @Description("Replace company quiet hours; input.version is the version you read.")
    @RolesAllowed(ADMIN)
    public Uni<CompanyQuietHours> updateCompanyQuietHours(@Id @NonNull String id, @NonNull Inputs.CompanyQuietHoursInput input)
            throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.replaceQuietHours(id, input));
    }

    @Mutation
    @Description("Remove company quiet hours; answers their id.")
    @RolesAllowed(ADMIN)
    @Id
    public Uni<String> deleteCompanyQuietHours(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(rules.deleteQuietHours(id).replaceWith(id));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }
}

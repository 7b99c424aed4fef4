package dev.rapport.gateway.clients.consent;

import java.util.List;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.rules.CompanyRules;
import dev.rapport.gateway.rules.CompanyRules.CompanyCap;
import dev.rapport.gateway.rules.CompanyRules.CompanyQuietDates;
import dev.rapport.gateway.rules.CompanyRules.CompanyQuietHours;
import dev.rapport.gateway.rules.CompanyRules.CompanyRuleChange;
import dev.rapport.gateway.rules.Inputs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * consent-service's company rules behind a timeout and a circuit breaker; reads are retried, writes are not (a
 * replace carries the version read, so a repeat after a lost answer is a conflict, never a second change).
 */
@ApplicationScoped
@Timeout(2000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class CompanyRulesClient {
    @Inject
    @RestClient
    ConsentRestClient rest;

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<CompanyRules> rules() {
        return rest.companyRules();
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<CompanyRuleChange>> changes(String ruleId, String before, int limit) {
        return rest.companyRuleChanges(ruleId, before, limit).map(list -> list.stream()
                .map(c -> new CompanyRuleChange(c.id(), c.ruleKind(), c.ruleId(), c.action(), c.actor(), c.changedAt(),
                        c.before() == null || c.before().isNull() ? null : c.before().toString(),
                        c.after() == null || c.after().isNull() ? null : c.after().toString()))
                .toList());
    }

    public Uni<CompanyCap> createCap(Inputs.CompanyCapInput in) {
        return rest.createCaps(in);
    }

    public Uni<CompanyCap> replaceCap(String id, Inputs.CompanyCapInput in) {
        return rest.replaceCaps(id, in);
    }

    public Uni<Void> deleteCap(String id) {
        return rest.deleteCaps(id);
    }

    public Uni<CompanyQuietDates> createQuietDates(Inputs.CompanyQuietDatesInput in) {
        return rest.createQuietDates(in);
    }

    public Uni<CompanyQuietDates> replaceQuietDates(String id, Inputs.CompanyQuietDatesInput in) {
        return rest.replaceQuietDates(id, in);
    }

    public Uni<Void> deleteQuietDates(String id) {
        return rest.deleteQuietDates(id);
    }

    public Uni<CompanyQuietHours> createQuietHours(Inputs.CompanyQuietHoursInput in) {
        return rest.createQuietHours(in);
    }

    public Uni<CompanyQuietHours> replaceQuietHours(String id, Inputs.CompanyQuietHoursInput in) {
        return rest.replaceQuietHours(id, in);
    }

    public Uni<Void> deleteQuietHours(String id) {
        return rest.deleteQuietHours(id);
    }
}

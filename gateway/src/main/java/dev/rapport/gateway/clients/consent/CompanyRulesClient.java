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
    public Uni<CompanyRules> rules(String auth) {
        return rest.companyRules(auth);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<CompanyRuleChange>> changes(String auth, String ruleId, String before, int limit) {
        return rest.companyRuleChanges(auth, ruleId, before, limit).map(list -> list.stream()
                .map(c -> new CompanyRuleChange(c.id(), c.ruleKind(), c.ruleId(), c.action(), c.actor(), c.changedAt(),
                        c.before() == null || c.before().isNull() ? null : c.before().toString(),
                        c.after() == null || c.after().isNull() ? null : c.after().toString()))
                .toList());
    }

    public Uni<CompanyCap> createCap(String auth, Inputs.CompanyCapInput in) {
        return rest.createCaps(auth, in);
    }

    public Uni<CompanyCap> replaceCap(String auth, String id, Inputs.CompanyCapInput in) {
        return rest.replaceCaps(auth, id, in);
    }

    public Uni<Void> deleteCap(String auth, String id) {
        return rest.deleteCaps(auth, id);
    }

    public Uni<CompanyQuietDates> createQuietDates(String auth, Inputs.CompanyQuietDatesInput in) {
        return rest.createQuietDates(auth, in);
    }

    public Uni<CompanyQuietDates> replaceQuietDates(String auth, String id, Inputs.CompanyQuietDatesInput in) {
        return rest.replaceQuietDates(auth, id, in);
    }

    public Uni<Void> deleteQuietDates(String auth, String id) {
        return rest.deleteQuietDates(auth, id);
    }

    public Uni<CompanyQuietHours> createQuietHours(String auth, Inputs.CompanyQuietHoursInput in) {
        return rest.createQuietHours(auth, in);
    }

    public Uni<CompanyQuietHours> replaceQuietHours(String auth, String id, Inputs.CompanyQuietHoursInput in) {
        return rest.replaceQuietHours(auth, id, in);
    }

    public Uni<Void> deleteQuietHours(String auth, String id) {
        return rest.deleteQuietHours(auth, id);
    }
}

package dev.rapport.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * Admins manage the company's rules through GraphQL: typed inputs pass through to consent-service, its field errors
 * come back coded and naming the field, the audit's before/after arrive as JSON text, and only admins may change them.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class CompanyRulesGraphQLTest {
    static final String ADMIN = Tokens.forRoles("ada", "admin");
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String ID = "00000000-0000-7000-8000-000000000001";
    static final String CAP = "{\"id\":\"" + ID + "\",\"channel\":\"SMS\",\"purpose\":null,\"maxTouches\":1,\"windowDays\":7,"
            + "\"note\":null,\"version\":0,\"updatedAt\":\"2026-12-01T10:00:00Z\",\"updatedBy\":\"ada\"}";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void staffReadTheRulesWithTypedChannelsAndDates() {
        Stubs.consent.on("GET", "/company-rules", r -> StubService.Answer.json("{\"caps\":[" + CAP + "],\"quietDates\":[{\"id\":\""
                + ID + "\",\"name\":\"Christmas\",\"startDate\":\"2026-12-24\",\"endDate\":\"2026-12-26\",\"channel\":null,"
                + "\"fallbackTimeZone\":null,\"version\":0,\"updatedAt\":\"2026-12-01T10:00:00Z\",\"updatedBy\":\"ada\"}],"
                + "\"quietHours\":[],\"transactionalPurposes\":[\"service\"],\"defaultTimeZone\":\"UTC\"}"));
        JsonPath answer = GraphQL.query(MARKETER, "{ companyRules { caps { id channel maxTouches windowDays } "
                + "quietDates { name startDate endDate channel } transactionalPurposes defaultTimeZone } }", Map.of());
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("SMS", answer.getString("data.companyRules.caps[0].channel"));
        assertEquals("2026-12-24", answer.getString("data.companyRules.quietDates[0].startDate"));
        assertEquals("service", answer.getString("data.companyRules.transactionalPurposes[0]"));
    }

    @Test
    void anAdminCreatesACapAndConsentServiceGetsTheTypedInput() {
        Stubs.consent.on("POST", "/company-rules/caps", r -> StubService.Answer.json(CAP));
        JsonPath answer = GraphQL.query(ADMIN, "mutation($in: CompanyCapInput!) { createCompanyCap(input: $in) { id channel "
                + "maxTouches } }", Map.of("in", Map.of("channel", "SMS", "maxTouches", 1, "windowDays", 7)));
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(ID, answer.getString("data.createCompanyCap.id"));
        String body = Stubs.consent.calls().get(0).body();
        assertTrue(body.contains("\"channel\":\"SMS\"") && body.contains("\"maxTouches\":1"), body);
    }

    @Test
    void aRefusedInputIsACodedErrorNamingTheField() {
        Stubs.consent.on("POST", "/company-rules/quiet-dates", r -> StubService.Answer.problem(400,
                "https://rapport.dev/problems/invalid-request", "endDate: must not be before startDate", "endDate"));
        JsonPath answer = GraphQL.query(ADMIN, "mutation { createCompanyQuietDates(input: {name: \"x\", startDate: \"2026-12-26\", "
                + "endDate: \"2026-12-24\"}) { id } }", Map.of());
        assertEquals("invalid-input", answer.getString("errors[0].extensions.code"), answer.prettify());
        assertEquals("endDate", answer.getString("errors[0].extensions.problem.errors[0].field"));
    }

    @Test
    void theAuditArrivesWithBeforeAndAfterAsJson() {
        Stubs.consent.on("GET", "/company-rules/changes", r -> StubService.Answer.json("[{\"id\":\"" + ID + "\",\"ruleKind\":\"CAP\","
                + "\"ruleId\":\"" + ID + "\",\"action\":\"UPDATED\",\"actor\":\"ada\",\"changedAt\":\"2026-12-01T10:00:00Z\","
                + "\"before\":{\"maxTouches\":2},\"after\":{\"maxTouches\":1}}]"));
        JsonPath answer = GraphQL.query(Tokens.forRoles("ann", "analyst"), "{ companyRuleChanges(ruleId: \"" + ID + "\", first: 10) "
                + "{ ruleKind action actor before after } }", Map.of());
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("UPDATED", answer.getString("data.companyRuleChanges[0].action"));
        assertEquals("{\"maxTouches\":2}", answer.getString("data.companyRuleChanges[0].before"));
        assertTrue(Stubs.consent.calls().get(0).query().contains("ruleId=" + ID), Stubs.consent.calls().get(0).query());
    }

    @Test
    void onlyAdminsChangeRules() {
        JsonPath answer = GraphQL.query(MARKETER, "mutation { deleteCompanyCap(id: \"" + ID + "\") }", Map.of());
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"));
        assertEquals("forbidden", GraphQL.query(MARKETER, "{ companyRuleChanges { id } }", Map.of())
                .getString("errors[0].extensions.code"));
        assertEquals(0, Stubs.consent.calls().size());
    }
}

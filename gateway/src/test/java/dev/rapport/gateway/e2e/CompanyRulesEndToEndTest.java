package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Company rules through GraphQL only, as the staff console uses them: an admin caps a purpose at one message a week,
 * the first outreach is queued and the next decision is no with reason company-purpose-cap naming the rule; a marketer
 * may read the rules but not change them; the audit says who changed what; removing the cap allows again. The cap is
 * for a purpose of this test's own, so no other test sees it.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class CompanyRulesEndToEndTest {
    static final String DECISION = """
            query($id: ID!, $purpose: String!) { decision(contactId: $id, purpose: $purpose, channel: EMAIL) {
              allowed reasons { code ruleId } } }""";

    @Test
    void anAdminsCapStopsTheSecondMessageAndIsAudited() throws InterruptedException {
        String purpose = "weekly-" + UUID.randomUUID().toString().substring(0, 8);
        Suite.purpose(purpose, "CONSENT");
        String id = Suite.createContact("Capped");
        Suite.await(Duration.ofSeconds(60), () -> ok(Suite.token("agent"),
                "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }", Map.of("id", id)),
                a -> a.getList("data.contactPointFacts").size() == 1);
        ok(Suite.token("marketer"), """
                mutation($id: ID!, $purpose: String!) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: $purpose,
                  channel: EMAIL, source: WEB_FORM, evidence: {formId: "weekly-signup"}}) { id } }""",
                Map.of("id", id, "purpose", purpose));

        JsonPath refused = GraphQL.query(Suite.token("marketer"), """
                mutation($in: CompanyCapInput!) { createCompanyCap(input: $in) { id } }""",
                Map.of("in", Map.of("purpose", purpose, "maxTouches", 1, "windowDays", 7)));
        assertEquals("forbidden", refused.getString("errors[0].extensions.code"), refused::prettify);
        JsonPath invalid = GraphQL.query(Suite.token("admin"), """
                mutation($in: CompanyCapInput!) { createCompanyCap(input: $in) { id } }""",
                Map.of("in", Map.of("purpose", purpose, "maxTouches", -1, "windowDays", 7)));
        assertEquals("invalid-input", invalid.getString("errors[0].extensions.code"), invalid::prettify);
        assertEquals("maxTouches", invalid.getString("errors[0].extensions.problem.errors[0].field"), invalid::prettify);

        String cap = ok(Suite.token("admin"), """
                mutation($in: CompanyCapInput!) { createCompanyCap(input: $in) { id } }""",
                Map.of("in", Map.of("purpose", purpose, "maxTouches", 1, "windowDays", 7))).getString("data.createCompanyCap.id");
        try {
            JsonPath rules = ok(Suite.token("marketer"), "{ companyRules { caps { id purpose maxTouches } transactionalPurposes } }");
            assertTrue(rules.getList("data.companyRules.caps.id").contains(cap), rules::prettify);

            JsonPath first = ok(Suite.token("marketer"), """
                    mutation($id: ID!, $purpose: String!) { requestOutreach(input: {contactId: $id, purpose: $purpose,
                      channel: EMAIL, campaign: "weekly"}) { status } }""", Map.of("id", id, "purpose", purpose));
            assertEquals("QUEUED", first.getString("data.requestOutreach.status"), first::prettify);

            JsonPath second = ok(Suite.token("marketer"), DECISION, Map.of("id", id, "purpose", purpose));
            assertFalse(second.getBoolean("data.decision.allowed"), second::prettify);
            assertEquals(List.of("company-purpose-cap"), second.getList("data.decision.reasons.code"), second::prettify);
            assertEquals(cap, second.getString("data.decision.reasons[0].ruleId"));
        } finally {
            ok(Suite.token("admin"), "mutation($id: ID!) { deleteCompanyCap(id: $id) }", Map.of("id", cap));
        }
        JsonPath after = ok(Suite.token("marketer"), DECISION, Map.of("id", id, "purpose", purpose));
        assertTrue(after.getBoolean("data.decision.allowed"), after::prettify);

        JsonPath audit = ok(Suite.token("analyst"), "query($id: ID!) { companyRuleChanges(ruleId: $id) { action actor before after } }",
                Map.of("id", cap));
        assertEquals(List.of("DELETED", "CREATED"), audit.getList("data.companyRuleChanges.action"), audit::prettify);
        assertTrue(audit.getString("data.companyRuleChanges[1].after").contains("\"maxTouches\":1"), audit::prettify);
    }
}

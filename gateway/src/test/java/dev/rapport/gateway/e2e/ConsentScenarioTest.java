package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The consent scenario (docs/consent.md), through GraphQL only: a work e-mail given on a web form with newsletter
 * consent and a personal phone bought from an enrichment vendor; who may be contacted how, a frequency cap, and a
 * withdrawal that does not rewrite the past (the decision as it stood before it still allows).
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class ConsentScenarioTest {
    static final String DECISION = """
            query($id: ID!, $purpose: String!, $channel: Channel, $at: DateTime) {
              decision(contactId: $id, purpose: $purpose, channel: $channel, at: $at) {
                allowed channel contactPointId evidenceEventId reasons { code } } }""";

    @Test
    void consentEvidenceProvenanceCapAndWithdrawal() throws InterruptedException {
        Suite.purpose("newsletter", "CONSENT");
        Suite.purpose("sales", "CONSENT");

        JsonPath created = Suite.okRetrying(() -> Suite.token("agent"), """
                mutation($key: String) { createContact(idempotencyKey: $key, input: {givenName: "Grace", familyName: "Hopper",
                  contactPoints: [
                  {channel: EMAIL, address: "grace.hopper@navy.example", context: WORK,
                   provenance: {kind: PROVIDED_BY_CONTACT, source: "web-form:newsletter-signup"}},
                  {channel: PHONE, address: "+44 7911 123456", region: "GB", context: PERSONAL,
                   provenance: {kind: ENRICHMENT, source: "acme-data-vendor"}}]}) {
                  id contactPoints { id channel } } }""", Map.of("key", UUID.randomUUID().toString()));
        String id = created.getString("data.createContact.id");
        String email = pointId(created, "EMAIL");
        String phone = pointId(created, "PHONE");

        // contacts-service tells consent-service about the points through its outbox: asynchronous
        JsonPath facts = Suite.await(Duration.ofSeconds(60),
                () -> ok(Suite.token("agent"), "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId channel givenByPerson } }",
                        Map.of("id", id)),
                a -> a.getList("data.contactPointFacts").size() == 2);
        assertEquals(2, facts.getList("data.contactPointFacts").size(), facts::prettify);

        String twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS).toString();
        String grant = ok(Suite.token("marketer"), """
                mutation($id: ID!, $at: DateTime) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: "newsletter",
                  channel: EMAIL, source: WEB_FORM, occurredAt: $at, evidence: {formId: "newsletter-signup",
                  wordingHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}) { id } }""",
                Map.of("id", id, "at", twoDaysAgo)).getString("data.recordConsent.id");

        JsonPath emailNewsletter = decide(Suite.token("agent"), id, "newsletter", "EMAIL", null);
        assertTrue(emailNewsletter.getBoolean("data.decision.allowed"), emailNewsletter::prettify);
        assertEquals(grant, emailNewsletter.getString("data.decision.evidenceEventId"));
        assertEquals(email, emailNewsletter.getString("data.decision.contactPointId"));

        JsonPath phoneSales = decide(Suite.token("agent"), id, "sales", "PHONE", null);
        assertFalse(phoneSales.getBoolean("data.decision.allowed"));
        assertTrue(codes(phoneSales).contains("point-not-given-by-person"), phoneSales::prettify);

        JsonPath emailSales = decide(Suite.token("agent"), id, "sales", "EMAIL", null);
        assertFalse(emailSales.getBoolean("data.decision.allowed"));
        assertTrue(codes(emailSales).contains("no-consent"), emailSales::prettify);

        // a grant naming the bought phone covers it: now two channels may carry the newsletter, capped at 2 a week
        ok(Suite.token("marketer"), """
                mutation($id: ID!, $point: ID, $at: DateTime) { recordConsent(contactId: $id, input: {kind: GRANT,
                  purpose: "newsletter", channel: PHONE, contactPointId: $point, source: AGENT, occurredAt: $at}) { id } }""",
                Map.of("id", id, "point", phone, "at", twoDaysAgo));
        ok(Suite.token("agent"), "mutation($id: ID!) { setPolicy(contactId: $id, input: {maxTouches: 2, windowDays: 7}) { contactId } }",
                Map.of("id", id));

        // the contact and its points exist only since today: "as of yesterday" is this instant, before the sends
        String beforeTheSends = Instant.now().toString();
        Thread.sleep(1000);
        List<String> statuses = new ArrayList<>();
        for (String channel : List.of("EMAIL", "PHONE", "EMAIL", "PHONE", "EMAIL")) {
            JsonPath sent = ok(Suite.token("marketer"), """
                    mutation($id: ID, $channel: Channel) { requestOutreach(input: {contactId: $id, purpose: "newsletter",
                      channel: $channel, campaign: "november-newsletter"}) { status decision { reasons { code } } } }""",
                    Map.of("id", id, "channel", channel));
            statuses.add(sent.getString("data.requestOutreach.status"));
            if (statuses.size() > 2) {
                assertTrue(sent.getList("data.requestOutreach.decision.reasons.code").contains("frequency-cap"), sent::prettify);
            }
        }
        assertEquals(List.of("QUEUED", "QUEUED", "DENIED", "DENIED", "DENIED"), statuses);

        ok(Suite.token("agent"), """
                mutation($id: ID!) { recordConsent(contactId: $id, input: {kind: WITHDRAW, purpose: "newsletter",
                  source: AGENT}) { id } }""", Map.of("id", id));
        JsonPath now = decide(Suite.token("agent"), id, "newsletter", "EMAIL", null);
        assertFalse(now.getBoolean("data.decision.allowed"));
        assertTrue(codes(now).contains("withdrawn"), now::prettify);
        // a later withdrawal does not rewrite what was true before it
        JsonPath earlier = decide(Suite.token("agent"), id, "newsletter", "EMAIL", beforeTheSends);
        assertTrue(earlier.getBoolean("data.decision.allowed"), earlier::prettify);
        assertEquals(grant, earlier.getString("data.decision.evidenceEventId"));

        JsonPath chain = ok(Suite.token("agent"), "query($id: ID!) { verifyConsentChain(contactId: $id) { valid events } }", Map.of("id", id));
        assertTrue(chain.getBoolean("data.verifyConsentChain.valid"));
        assertEquals(3, chain.getInt("data.verifyConsentChain.events"));
    }

    private static JsonPath decide(String token, String id, String purpose, String channel, String at) {
        Map<String, Object> vars = new HashMap<>(Map.of("id", id, "purpose", purpose, "channel", channel));
        if (at != null) {
            vars.put("at", at);
        }
        return ok(token, DECISION, vars);
    }

    private static List<String> codes(JsonPath decision) {
        return decision.getList("data.decision.reasons.code");
    }

    private static String pointId(JsonPath created, String channel) {
        List<Map<String, String>> points = created.getList("data.createContact.contactPoints");
        return points.stream().filter(p -> channel.equals(p.get("channel"))).findFirst().orElseThrow().get("id");
    }
}

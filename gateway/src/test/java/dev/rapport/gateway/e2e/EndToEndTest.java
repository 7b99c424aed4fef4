package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The gateway against the real suite: real Keycloak tokens, the three services running as processes. Runs after a
 * full build (./mvnw install), which produces the service jars and unpacks Keycloak; skipped otherwise.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class EndToEndTest {

    /** The prod configuration (profile "e2e" has no overrides) pointed at the suite RealSuite starts. */
    public static class RealSuiteProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "e2e";
        }

        /** Real services on a shared, busy CI machine: a more patient per-call timeout than production's 2 s. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dev.rapport.gateway.clients.contacts.ContactsClient/Timeout/value", "5000",
                    "dev.rapport.gateway.clients.consent.ConsentClient/Timeout/value", "5000",
                    "dev.rapport.gateway.clients.feedback.FeedbackClient/Timeout/value", "5000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealSuite.class));
        }
    }

    static String token(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", user))
                .post(RealSuite.keycloakUrl + "/realms/rapport/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String createContact(String agentToken, String familyName) {
        JsonPath created = GraphQL.query(agentToken, """
                mutation($name: String) { createContact(input: {givenName: "Ada", familyName: $name, contactPoints: [
                    {channel: EMAIL, address: "ada@example.com", context: PERSONAL,
                     provenance: {kind: PROVIDED_BY_CONTACT, source: "webinar-signup"}}]}) { id } }""",
                Map.of("name", familyName));
        assertNull(created.get("errors"), created::prettify);
        return created.getString("data.createContact.id");
    }

    @Test
    void anAgentReadsAContactAcrossTheThreeServices() {
        String agent = token("agent");
        String id = createContact(agent, "Lovelace");

        JsonPath answer = GraphQL.query(agent, """
                query($id: ID!) { contact(id: $id) { id displayName
                    contactPoints { channel address provenance { kind source } }
                    consents { purpose status } policy { doNotContact }
                    mayContact(purpose: "newsletter", channel: EMAIL) { allowed reasons { code } }
                    cases { nodes { id } } } }""", Map.of("id", id));

        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("Ada Lovelace", answer.getString("data.contact.displayName"));
        assertEquals("webinar-signup", answer.getString("data.contact.contactPoints[0].provenance.source"));
        assertFalse(answer.getBoolean("data.contact.mayContact.allowed"));
        assertNotEquals("consent-unavailable", answer.getString("data.contact.mayContact.reasons[0].code"));
        assertNotNull(answer.get("data.contact.policy"));
        assertEquals(List.of(), answer.getList("data.contact.cases.nodes"));
    }

    @Test
    void aRoleWithoutTheRightIsRefused() {
        JsonPath answer = GraphQL.query(token("analyst"), "mutation { createContact(input: {givenName: \"X\"}) { id } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    @Test
    void aContactSeesOnlyItself() {
        String agent = token("agent");
        String own = createContact(agent, "Own");
        String other = createContact(agent, "Other");
        linkDemoContactUser(own);
        String contact = token("contact");

        JsonPath me = GraphQL.query(contact, "{ me { id displayName consents { purpose } } }");
        assertNull(me.get("errors"), me::prettify);
        assertEquals(own, me.getString("data.me.id"));

        JsonPath denied = GraphQL.query(contact, "query($id: ID!) { contact(id: $id) { id } }", Map.of("id", other));
        assertNull(denied.get("data.contact"));
        assertEquals("forbidden", denied.getString("errors[0].extensions.code"), denied::prettify);
    }

    @Test
    void aHungServiceGivesAPartialAnswerWithinTheTimeout() throws Exception {
        String agent = token("agent");
        String id = createContact(agent, "Partial");
        RealSuite.signal("feedback-service", "STOP");
        try {
            long started = System.nanoTime();
            JsonPath answer = GraphQL.query(agent, "query($id: ID!) { contact(id: $id) { displayName cases { nodes { id } } } }",
                    Map.of("id", id));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("Ada Partial", answer.getString("data.contact.displayName"), answer::prettify);
            assertNull(answer.get("data.contact.cases"));
            assertEquals("service-unavailable", answer.getString("errors[0].extensions.code"));
            assertTrue(millis < 12_000, "answered after " + millis + " ms");
        } finally {
            RealSuite.signal("feedback-service", "CONT");
            awaitFeedbackThroughTheGateway(agent, id);
        }
    }

    /** Other tests must not see the breaker this test opened: wait until feedback answers through the gateway again. */
    static void awaitFeedbackThroughTheGateway(String agent, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath answer = GraphQL.query(agent, "query($id: ID!) { contact(id: $id) { cases { nodes { id } } } }", Map.of("id", id));
            if (answer.get("errors") == null) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    @Test
    void tamperedAndForeignTokensAre401() {
        String real = token("agent");
        String tampered = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        String devKey = Tokens.forRoles("mallory", "admin");
        for (String bad : new String[] {tampered, devKey}) {
            given().header("Authorization", "Bearer " + bad).contentType("application/json")
                    .body(Map.of("query", "{ purposes { code } }")).post("/graphql").then().statusCode(401);
        }
    }

    /** Points the demo user "contact" at a real contact, through Keycloak's admin API. */
    static void linkDemoContactUser(String contactId) {
        RealSuite.suite.linkContactUser("contact", contactId);
    }
}

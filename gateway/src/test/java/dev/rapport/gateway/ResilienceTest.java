package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ResilienceTest {
    static final String AGENT = Tokens.forRoles("alice", "agent");
    static final String QUERY = """
            { contact(id: "c-1") { id displayName value { lifetimeSpend }
                mayContact(purpose: "newsletter") { allowed reasons { code } }
                cases { nodes { id status } } } }""";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        // each test starts with closed breakers: another test's failures must not decide this one's answer
        breakers.resetAll();
    }

    @Test
    void aDownFeedbackServiceNullsOnlyItsFieldsWithAnError() {
        Stubs.feedback.failing();
        JsonPath answer = GraphQL.query(AGENT, QUERY);

        assertEquals("Ada c-1", answer.getString("data.contact.displayName"));
        assertEquals("120.5", answer.getString("data.contact.value.lifetimeSpend"));
        assertTrue(answer.getBoolean("data.contact.mayContact.allowed"));
        assertNull(answer.get("data.contact.cases"));
        List<Map<String, Object>> errors = answer.getList("errors");
        assertEquals(1, errors.size(), answer::prettify);
        assertEquals("service-unavailable", answer.getString("errors[0].extensions.code"));
        assertEquals("feedback-service", answer.getString("errors[0].extensions.problem.service"));
        assertEquals(List.of("contact", "cases"), answer.getList("errors[0].path"));
        assertFalse(answer.getString("errors[0].message").contains("Exception"), answer::prettify);
    }

    @Test
    void consentUnavailableMeansNoWithReason() {
        Stubs.consent.failing();
        JsonPath answer = GraphQL.query(AGENT, QUERY);

        assertFalse(answer.getBoolean("data.contact.mayContact.allowed"));
        assertEquals("consent-unavailable", answer.getString("data.contact.mayContact.reasons[0].code"));
        assertEquals("[OPEN]", String.valueOf(answer.getList("data.contact.cases.nodes.status")), answer::prettify);
    }

    @Test
    void aHangingServiceIsCutOffByTheTimeoutAndTheRestArrives() {
        Stubs.feedback.hanging();
        long started = System.nanoTime();
        JsonPath answer = GraphQL.query(AGENT, QUERY);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("Ada c-1", answer.getString("data.contact.displayName"));
        assertNull(answer.get("data.contact.cases"));
        assertEquals("service-unavailable", answer.getString("errors[0].extensions.code"));
        // @Retry maxDuration bounds the whole attempt (4 s), whatever the per-try timeout
        assertTrue(millis < 8000, "answered after " + millis + " ms");
    }

    @Test
    void aMissingContactIsNullWithoutError() {
        JsonPath answer = GraphQL.query(AGENT, "{ contact(id: \"missing-1\") { id } }");
        assertNull(answer.get("data.contact"));
        assertNull(answer.get("errors"));
        assertNotNull(answer.get("data"));
    }
}

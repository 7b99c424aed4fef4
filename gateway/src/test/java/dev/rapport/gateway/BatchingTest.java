package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class BatchingTest {
    static final String MARKETER = Tokens.forRoles("mia", "marketer");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void hundredContactsCostOneCallPerServiceForBatchedFields() {
        JsonPath answer = GraphQL.query(MARKETER, """
                { contacts(first: 100) { nodes { id displayName
                    contactPoints { channel address provenance { kind source } }
                    value { lifetimeSpend currency }
                    consents { purpose status } policy { doNotContact }
                    mayContact(purpose: "newsletter", channel: "EMAIL") { allowed reasons { code } } } } }""");

        assertNull(answer.getList("errors"), () -> answer.prettify());
        List<Map<String, Object>> nodes = answer.getList("data.contacts.nodes");
        assertEquals(100, nodes.size());
        assertEquals("120.5", answer.getString("data.contacts.nodes[7].value.lifetimeSpend"));
        assertEquals("webinar-signup", answer.getString("data.contacts.nodes[3].contactPoints[0].provenance.source"));
        assertTrue(answer.getBoolean("data.contacts.nodes[10].mayContact.allowed"));
        assertFalse(answer.getBoolean("data.contacts.nodes[11].mayContact.allowed"));
        assertEquals("no-consent", answer.getString("data.contacts.nodes[11].mayContact.reasons[0].code"));

        assertEquals("GRANTED", answer.getString("data.contacts.nodes[42].consents[0].status"));
        assertTrue(answer.getBoolean("data.contacts.nodes[45].policy.doNotContact"));
        assertFalse(answer.getBoolean("data.contacts.nodes[46].policy.doNotContact"));

        // contacts-service: the search, one GET /contact-points and one GET /values; consent-service: one call per field, whatever the list size
        assertEquals(List.of("GET /contact-points", "GET /contacts", "GET /values"), paths(Stubs.contacts).stream().sorted().toList());
        assertEquals(List.of("GET /consents", "GET /policies", "POST /decisions/bulk"), paths(Stubs.consent).stream().sorted().toList());
        assertTrue(Stubs.feedback.calls().isEmpty());
    }

    @Test
    void theCallersTokenGoesToEveryService() {
        GraphQL.query(MARKETER, "{ contacts(first: 2) { nodes { id value { currency } mayContact(purpose: \"survey\") { allowed } } } }");
        assertFalse(Stubs.contacts.calls().isEmpty());
        Stubs.contacts.calls().forEach(c -> assertEquals("Bearer " + MARKETER, c.authorization()));
        Stubs.consent.calls().forEach(c -> assertEquals("Bearer " + MARKETER, c.authorization()));
    }

    static List<String> paths(StubService s) {
        return s.calls().stream().map(c -> c.method() + " " + c.path()).toList();
    }
}

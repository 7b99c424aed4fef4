package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

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

/** The same situation has one shape wherever it appears; objects link to objects, batched. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ContractShapesTest {
    static final String AGENT = Tokens.forRoles("alice", "agent");

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void consentServiceDownIsTheSameNoForTheRootDecisionAndForMayContact() {
        Stubs.consent.failing();
        JsonPath answer = GraphQL.query(AGENT, """
                { decision(contactId: "c-1", purpose: "newsletter") { allowed reasons { code } }
                  contact(id: "c-1") { mayContact(purpose: "newsletter") { allowed reasons { code } } } }""");

        assertNull(answer.get("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.decision.allowed"));
        assertEquals(List.of("consent-unavailable"), answer.getList("data.decision.reasons.code"));
        assertEquals(answer.getMap("data.decision"), answer.getMap("data.contact.mayContact"));
    }

    @Test
    void connectionsAreRelayConnectionsAndKeepNodes() {
        JsonPath answer = GraphQL.query(AGENT, """
                { contacts(first: 3, after: "x") { nodes { id } edges { cursor node { id } }
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(answer.getList("data.contacts.nodes.id"), answer.getList("data.contacts.edges.node.id"));
        assertEquals("after-c-001", answer.getString("data.contacts.edges[1].cursor"));
        assertEquals("after-c-000", answer.getString("data.contacts.pageInfo.startCursor"));
        assertEquals(true, answer.getBoolean("data.contacts.pageInfo.hasPreviousPage"));
    }

    @Test
    void notNowSaysFromWhen() {
        JsonPath answer = GraphQL.query(AGENT, """
                { decision(contactId: "quiet-1", purpose: "newsletter", channel: EMAIL) { allowed reasons { code } notBefore } }""");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("quiet-hours", answer.getString("data.decision.reasons[0].code"));
        assertEquals("2026-03-02T08:00:00Z", answer.getString("data.decision.notBefore"));
    }

    @Test
    void objectsLinkToObjectsWithOneCallPerFieldForTheWholeList() {
        JsonPath answer = GraphQL.query(AGENT, """
                { contacts(first: 40) { nodes { id
                    cases { nodes { id contact { id displayName } } }
                    loopFollowUps { nodes { id thread { id status messages { nodes { body } } contact { id } } } } } } }""");

        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("c-007", answer.getString("data.contacts.nodes[7].cases.nodes[0].contact.id"));
        assertEquals("th-c-007", answer.getString("data.contacts.nodes[7].loopFollowUps.nodes[0].thread.id"));
        assertEquals("too slow", answer.getString("data.contacts.nodes[7].loopFollowUps.nodes[0].thread.messages.nodes[0].body"));
        assertEquals("c-007", answer.getString("data.contacts.nodes[7].loopFollowUps.nodes[0].thread.contact.id"));
        List<StubService.Call> contactCalls = Stubs.contacts.calls();
        // the search, then one GET /contacts?ids= per link field (Case.contact, WhyNotThread.contact) for all 40
        assertEquals(3, contactCalls.stream().filter(c -> c.path().equals("/contacts")).count(), String.valueOf(contactCalls));
        assertEquals(1, Stubs.feedback.calls().stream().filter(c -> c.path().equals("/threads")).count());
        assertEquals(40, Stubs.feedback.calls().stream().filter(c -> c.path().equals("/threads")).findFirst().orElseThrow()
                .query().split("%2C|,").length);
    }
}

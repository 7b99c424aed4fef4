package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * likelyDuplicates: one contacts-service call per page (cursor and size passed on), the groups as a Relay connection
 * whose contacts are full Contact nodes (their nested fields batched across every group), agents and admins only.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class LikelyDuplicatesTest {
    static final String AGENT = Tokens.forRoles("alice", "agent");
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String A = "00000000-0000-7000-8000-00000000000a";
    static final String B = "00000000-0000-7000-8000-00000000000b";
    static final String C = "00000000-0000-7000-8000-00000000000c";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    private static String contact(String id, String name) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"lifecycleStage\":\"LEAD\",\"tags\":[],\"version\":3}";
    }

    @Test
    void groupsArriveAsAConnectionOfContacts() {
        // the stub's "/contacts/{id}" would take the path first: it steps aside while this test runs
        var byId = Stubs.contacts.swap("GET", "/contacts/([^/]+)", null);
        Stubs.contacts.on("GET", "/contacts/duplicates", r -> StubService.Answer.json("{\"items\":["
                + "{\"kind\":\"EMAIL\",\"address\":\"sam@example.org\",\"contacts\":[" + contact(A, "Sam") + "," + contact(B, "Samuel") + "]},"
                + "{\"kind\":\"PHONE\",\"address\":\"+447700900123\",\"contacts\":[" + contact(B, "Samuel") + "," + contact(C, "Kit") + "]}],"
                + "\"next\":\"c2\",\"cursors\":[\"c1\",\"c2\"]}"));

        JsonPath answer;
        try {
            answer = GraphQL.query(AGENT, """
                { likelyDuplicates(first: 2, after: "c0") { nodes { kind address contacts { id displayName version contactPoints { address } } }
                    edges { cursor node { address } } pageInfo { hasNextPage endCursor hasPreviousPage } } }""", Map.of());
        } finally {
            Stubs.contacts.swap("GET", "/contacts/duplicates", null);
            Stubs.contacts.swap("GET", "/contacts/([^/]+)", byId);
        }

        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(List.of("EMAIL", "PHONE"), answer.getList("data.likelyDuplicates.nodes.kind"));
        assertEquals(List.of(A, B), answer.getList("data.likelyDuplicates.nodes[0].contacts.id"));
        assertEquals("Kit", answer.getString("data.likelyDuplicates.nodes[1].contacts[1].displayName"));
        assertEquals(List.of("c1", "c2"), answer.getList("data.likelyDuplicates.edges.cursor"));
        assertEquals("c2", answer.getString("data.likelyDuplicates.pageInfo.endCursor"));
        assertTrue(answer.getBoolean("data.likelyDuplicates.pageInfo.hasNextPage"));
        assertTrue(answer.getBoolean("data.likelyDuplicates.pageInfo.hasPreviousPage"));

        List<StubService.Call> calls = Stubs.contacts.calls();
        StubService.Call page = calls.stream().filter(c -> c.path().equals("/contacts/duplicates")).findFirst().orElseThrow();
        assertTrue(page.query().contains("limit=2") && page.query().contains("cursor=c0"), page.query());
        // the contacts of every group: one batched contact-points call, not one per contact or per group
        assertEquals(1, calls.stream().filter(c -> c.path().equals("/contact-points")).count(), String.valueOf(calls));
    }

    @Test
    void onlyAgentsAndAdminsAskAndTheSizeIsChecked() {
        assertEquals("forbidden", GraphQL.query(MARKETER, "{ likelyDuplicates { nodes { address } } }", Map.of())
                .getString("errors[0].extensions.code"));
        assertEquals("invalid-input", GraphQL.query(AGENT, "{ likelyDuplicates(first: 0) { nodes { address } } }", Map.of())
                .getString("errors[0].extensions.code"));
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().equals("/contacts/duplicates")));
    }
}

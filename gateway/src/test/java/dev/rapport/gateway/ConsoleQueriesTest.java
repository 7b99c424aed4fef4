package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * What the staff console reads that no other view does: cases by status and assignee, the programme list, priorities
 * for a segment with their bucket counts, and loop metrics per initiative — each one call to feedback-service that
 * passes the filters on.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ConsoleQueriesTest {
    static final String AGENT = Tokens.forRoles("alice", "agent");
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String ID = "00000000-0000-7000-8000-000000000001";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void casesByStatusAndAssigneeArePagedWithTheFiltersPassedOn() {
        Stubs.feedback.on("GET", "/cases", r -> StubService.Answer.json("{\"items\":[{\"id\":\"" + ID + "\",\"contactId\":\"" + ID
                + "\",\"problem\":\"Charged twice\",\"status\":\"" + r.param("status") + "\",\"assignee\":\"" + r.param("assignee")
                + "\"}],\"next\":\"abc\"}"));
        JsonPath answer = GraphQL.query(AGENT, "{ cases(status: OPEN, assignee: \"alice\", first: 10) { nodes { problem status assignee } "
                + "pageInfo { hasNextPage endCursor } } }", Map.of());
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("OPEN", answer.getString("data.cases.nodes[0].status"));
        assertEquals("alice", answer.getString("data.cases.nodes[0].assignee"));
        assertEquals("abc", answer.getString("data.cases.pageInfo.endCursor"));
        StubService.Call call = Stubs.feedback.calls().get(0);
        assertEquals("/cases", call.path());
        assertEquals(true, call.query().contains("limit=10"), call.query());
        assertEquals("forbidden", GraphQL.query(MARKETER, "{ cases { nodes { id } } }", Map.of()).getString("errors[0].extensions.code"));
    }

    @Test
    void programmesPrioritiesForASegmentAndLoopMetricsPerInitiative() {
        Stubs.feedback.on("GET", "/programmes", r -> StubService.Answer.json("[{\"id\":\"" + ID + "\",\"name\":\"Season ticket\",\"members\":800,"
                + "\"periods\":[\"2026/27\",\"2025/26\"],\"offers\":[{\"id\":\"" + ID + "\",\"period\":\"2026/27\",\"tiers\":[4,5],"
                + "\"channel\":\"EMAIL\",\"audience\":120}]}]"));
        Stubs.feedback.on("GET", "/consultations/([^/]+)/priorities", r -> StubService.Answer.json("{\"respondents\":3,\"initiatives\":[{"
                + "\"initiativeId\":\"" + ID + "\",\"title\":\"Fix leaks\",\"rank\":1,\"ratings\":3,\"counts\":{\"essential\":2,"
                + "\"important\":1,\"lowButImportant\":0,\"notImportant\":0}}]}"));
        Stubs.feedback.on("GET", "/consultations/([^/]+)/loop-metrics", r -> StubService.Answer.json("{\"respondents\":3,\"initiatives\":[{"
                + "\"initiativeId\":\"" + ID + "\",\"title\":\"Fix leaks\",\"asked\":3,\"yes\":1,\"partly\":1,\"no\":1,\"agreementRate\":0.33}]}"));

        JsonPath answer = GraphQL.query(MARKETER, """
                query($id: ID!) { programmes { name members periods offers { tiers audience } }
                  priorities(consultationId: $id, segment: ["region:north", "household:tenant"]) { respondents
                    initiatives { title counts { essential important lowButImportant notImportant } } }
                  loopMetrics(consultationId: $id) { initiatives { title asked yes partly no agreementRate } } }""", Map.of("id", ID));
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(List.of("2026/27", "2025/26"), answer.getList("data.programmes[0].periods"));
        assertEquals(List.of(4, 5), answer.getList("data.programmes[0].offers[0].tiers"));
        assertEquals(2, answer.getInt("data.priorities.initiatives[0].counts.essential"));
        assertEquals(1, answer.getInt("data.loopMetrics.initiatives[0].no"));
        String priorities = Stubs.feedback.calls().stream().filter(c -> c.path().endsWith("/priorities")).findFirst().orElseThrow().query();
        assertEquals(true, priorities.contains("segment=region%3Anorth") || priorities.contains("segment=region:north"), priorities);
        assertEquals(true, priorities.contains("household"), priorities);
        // the segment is optional: every response counts without it
        JsonPath all = GraphQL.query(MARKETER, "query($id: ID!) { priorities(consultationId: $id) { respondents } }", Map.of("id", ID));
        assertNull(all.get("errors"), all::prettify);
        assertEquals(3, all.getInt("data.priorities.respondents"));
    }
}

package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an upsert import did, through the graph: each row's outcome, filterable, paged; and the contact's external id. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ImportRowsGraphQLTest {
    static final String AGENT = Tokens.forRoles("ann", "agent");
    static final String JOB = "00000000-0000-7000-8000-00000000a001";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void importRowsPassesTheOutcomeAndPagesByCursor() {
        Stubs.contacts.on("GET", "/imports/([^/]+)/rows", r -> StubService.Answer.json("""
                {"items":[{"line":2,"outcome":"UPDATED","contactId":"c-2","changed":["family_name","phone"]},
                          {"line":7,"outcome":"UPDATED","contactId":"c-7","changed":["tags"]}],
                 "next":"cursor-7"}"""));

        JsonPath rows = GraphQL.query(AGENT, """
                { importRows(id: "%s", outcome: UPDATED, first: 2) {
                    nodes { line outcome contactId changed } pageInfo { hasNextPage endCursor } } }""".formatted(JOB), Map.of());
        assertNull(rows.get("errors"), rows::prettify);
        assertEquals(List.of(2, 7), rows.getList("data.importRows.nodes.line"));
        assertEquals(List.of("family_name", "phone"), rows.getList("data.importRows.nodes[0].changed"));
        assertEquals("UPDATED", rows.getString("data.importRows.nodes[1].outcome"));
        assertTrue(rows.getBoolean("data.importRows.pageInfo.hasNextPage"), rows::prettify);
        StubService.Call call = Stubs.contacts.calls().stream().filter(c -> c.path().endsWith("/rows")).findFirst().orElseThrow();
        assertEquals("/imports/" + JOB + "/rows", call.path());
        assertTrue(call.query().contains("outcome=UPDATED") && call.query().contains("limit=2"), call.query());
    }

    @Test
    void aContactCarriesTheExternalIdItWasImportedWith() {
        String id = "00000000-0000-7000-8000-00000000c0de";
        Stubs.contacts.on("GET", "/contacts/([^/]+)", r -> StubService.Answer.json(
                Stubs.contact(r.path().group(1)).replace("\"version\":1", "\"externalId\":\"crm-4711\",\"version\":1")));
        JsonPath contact = GraphQL.query(AGENT, "{ contact(id: \"" + id + "\") { id externalId } }", Map.of());
        assertNull(contact.get("errors"), contact::prettify);
        assertEquals("crm-4711", contact.getString("data.contact.externalId"));
    }
}

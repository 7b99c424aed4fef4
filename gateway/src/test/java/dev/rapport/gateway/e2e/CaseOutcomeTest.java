package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A case opened by the customer (the demo contact user), resolved by an agent and confirmed by the customer, measured
 * by outcome: it counts as resolved only once the customer confirms.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class CaseOutcomeTest {
    static final String METRICS = """
            query($from: DateTime, $to: DateTime) { caseMetrics(from: $from, to: $to) { opened resolvedAndConfirmed
              awaitingConfirmation open } }""";

    @Test
    void aCaseCountsAsResolvedOnlyOnceTheCustomerConfirms() throws InterruptedException {
        String own = Suite.createContact("Customer");
        Suite.linkContactUser(own);
        Map<String, Object> window = Map.of("from", Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                "to", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        JsonPath before = ok(Suite.token("analyst"), METRICS, window);

        String id = ok(Suite.token("contact"), """
                mutation($me: ID) { openCase(input: {contactId: $me, problem: "My invoice shows my old address",
                  channel: CHAT}) { id status } }""", Map.of("me", own)).getString("data.openCase.id");
        ok(Suite.token("agent"), "mutation($id: ID!) { assignCase(id: $id, input: {assignee: \"agent\"}) { assignee } }", Map.of("id", id));
        JsonPath resolved = ok(Suite.token("agent"), """
                mutation($id: ID!) { resolveCase(id: $id, input: {note: "Address corrected", onFirstContact: true}) { status } }""",
                Map.of("id", id));
        assertEquals("RESOLVED", resolved.getString("data.resolveCase.status"));
        JsonPath awaiting = ok(Suite.token("analyst"), METRICS, window);
        assertEquals(count(before, "opened") + 1, count(awaiting, "opened"));
        assertEquals(count(before, "awaitingConfirmation") + 1, count(awaiting, "awaitingConfirmation"), awaiting::prettify);
        assertEquals(count(before, "resolvedAndConfirmed"), count(awaiting, "resolvedAndConfirmed"),
                "resolved by staff is not resolved");

        JsonPath confirmed = ok(Suite.token("contact"), """
                mutation($id: ID!) { confirmCase(id: $id, input: {outcome: CONFIRMED, comment: "Thanks, it is right now"}) {
                  status confirmedAt history(first: 1, after: null) { nodes { status } totalCount } } }""", Map.of("id", id));
        assertEquals("CONFIRMED", confirmed.getString("data.confirmCase.status"));
        assertEquals("OPEN", confirmed.getString("data.confirmCase.history.nodes[0].status"), "the first step: opened");
        assertEquals(4, confirmed.getInt("data.confirmCase.history.totalCount"), "opened, assigned, resolved, confirmed");
        JsonPath after = ok(Suite.token("analyst"), METRICS, window);
        assertEquals(count(before, "resolvedAndConfirmed") + 1, count(after, "resolvedAndConfirmed"), after::prettify);
        assertEquals(count(before, "awaitingConfirmation"), count(after, "awaitingConfirmation"));

        JsonPath mine = ok(Suite.token("contact"), "{ me { cases { nodes { id status } } } }");
        assertEquals("CONFIRMED", mine.getString("data.me.cases.nodes.find { it.id == '" + id + "' }.status"));
    }

    private static long count(JsonPath metrics, String field) {
        return metrics.getLong("data.caseMetrics." + field);
    }
}

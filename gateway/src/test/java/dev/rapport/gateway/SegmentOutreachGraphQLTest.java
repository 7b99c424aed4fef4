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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A segment as an audience through the graph: consent-service decides (or asks for outreach for) every member and
 * streams one line each; the gateway answers the counts. The segment goes as segmentId with no body, and a segment the
 * services do not know is a rule-broken error naming segmentId.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class SegmentOutreachGraphQLTest {
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String S = "00000000-0000-7000-8000-0000000005e9";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    private static String decision(int i) {
        String id = "\"contactId\":\"00000000-0000-7000-8000-%012d\"".formatted(i);
        return switch (i % 4) {
            case 0, 1 -> "{" + id + ",\"allowed\":true,\"reasons\":[]}";
            case 2 -> "{" + id + ",\"allowed\":false,\"reasons\":[{\"code\":\"quiet-hours\",\"detail\":\"d\"}],"
                    + "\"notBefore\":\"2026-12-07T0" + (i % 10 == 2 ? 7 : 8) + ":00:00Z\"}";
            default -> "{" + id + ",\"allowed\":false,\"reasons\":[{\"code\":\"no-consent\",\"detail\":\"d\"}"
                    + (i % 8 == 3 ? ",{\"code\":\"frequency-cap\",\"detail\":\"d\"}" : "") + "]}";
        };
    }

    @Test
    void reachOfSegmentCountsEveryStreamedDecision() {
        String body = IntStream.range(0, 2000).mapToObj(SegmentOutreachGraphQLTest::decision).collect(Collectors.joining("\n"))
                + "\n{\"line\":2001,\"error\":\"not a contact id\"}\n";
        Stubs.consent.on("POST", "/decisions/bulk", r -> new StubService.Answer(200, "application/x-ndjson", body));

        JsonPath reach = GraphQL.query(MARKETER, """
                { reachOfSegment(segmentId: "%s", purpose: "newsletter", channel: EMAIL) {
                    segmentId members allowed notNow earliestNotBefore denied errors deniedBy { code people } } }""".formatted(S),
                Map.of());
        assertNull(reach.get("errors"), reach::prettify);
        assertEquals(2000, reach.getInt("data.reachOfSegment.members"));
        assertEquals(1000, reach.getInt("data.reachOfSegment.allowed"));
        assertEquals(500, reach.getInt("data.reachOfSegment.notNow"));
        assertEquals("2026-12-07T07:00:00Z", reach.getString("data.reachOfSegment.earliestNotBefore"));
        assertEquals(500, reach.getInt("data.reachOfSegment.denied"));
        assertEquals(1, reach.getInt("data.reachOfSegment.errors"));
        assertEquals(List.of("no-consent", "quiet-hours", "frequency-cap"), reach.getList("data.reachOfSegment.deniedBy.code"));
        assertEquals(List.of(500, 500, 250), reach.getList("data.reachOfSegment.deniedBy.people"));

        StubService.Call call = Stubs.consent.calls().stream().filter(c -> c.path().equals("/decisions/bulk")).findFirst().orElseThrow();
        assertTrue(call.query().contains("segmentId=" + S) && call.query().contains("purpose=newsletter")
                && call.query().contains("channel=EMAIL"), call.query());
        assertEquals("", call.body());
    }

    @Test
    void requestOutreachBulkAnswersEachLinesStatusAsAnEnumAndAnErrorLineWithNone() {
        String body = """
                {"contactId":"00000000-0000-7000-8000-000000000001","id":"o1","status":"QUEUED","decision":{"allowed":true,"reasons":[]}}
                {"contactId":"00000000-0000-7000-8000-000000000003","id":"o3","status":"DENIED","decision":{"allowed":false,"reasons":[{"code":"withdrawn"}]}}
                {"contactId":"00000000-0000-7000-8000-000000000004","id":"o0","status":"DUPLICATE","decision":{"allowed":true,"reasons":[]}}
                {"line":4,"error":"not a contact id"}
                """;
        Stubs.consent.on("POST", "/outreach/requests/bulk", r -> new StubService.Answer(200, "application/x-ndjson", body));

        JsonPath sent = GraphQL.query(MARKETER, """
                mutation($ids: [String!]!) { requestOutreachBulk(contactIds: $ids, purpose: "newsletter", campaign: "winter-2026") {
                    contactId status line error } }""", Map.of("ids", List.of("00000000-0000-7000-8000-000000000001",
                "00000000-0000-7000-8000-000000000003", "00000000-0000-7000-8000-000000000004", "nope")));
        assertNull(sent.get("errors"), sent::prettify);
        assertEquals(java.util.Arrays.asList("QUEUED", "DENIED", "DUPLICATE", null), sent.getList("data.requestOutreachBulk.status"));
        assertEquals("not a contact id", sent.getString("data.requestOutreachBulk[3].error"));

        JsonPath type = GraphQL.query(MARKETER, """
                { __type(name: "BulkOutreachResult") { fields { name type { kind name } } } }""", Map.of());
        Map<String, Object> status = type.getMap("data.__type.fields.find { it.name == 'status' }.type");
        assertEquals(Map.of("kind", "ENUM", "name", "BulkOutreachStatus"), status, type::prettify);
    }

    @Test
    void requestOutreachForSegmentCountsWhatWasQueuedDeniedOrAskedBefore() {
        String body = """
                {"contactId":"00000000-0000-7000-8000-000000000001","id":"o1","status":"QUEUED","decision":{"allowed":true,"reasons":[]}}
                {"contactId":"00000000-0000-7000-8000-000000000002","id":"o2","status":"QUEUED","decision":{"allowed":false,"reasons":[{"code":"paused"}],"notBefore":"2026-12-24T00:00:00Z"}}
                {"contactId":"00000000-0000-7000-8000-000000000003","id":"o3","status":"DENIED","decision":{"allowed":false,"reasons":[{"code":"withdrawn"}]}}
                {"contactId":"00000000-0000-7000-8000-000000000004","id":"o0","status":"DUPLICATE","decision":{"allowed":true,"reasons":[]}}
                """;
        Stubs.consent.on("POST", "/outreach/requests/bulk", r -> new StubService.Answer(200, "application/x-ndjson", body));

        JsonPath sent = GraphQL.query(MARKETER, """
                mutation { requestOutreachForSegment(segmentId: "%s", purpose: "newsletter", campaign: "winter-2026") {
                    members queued allowed notNow denied duplicate errors earliestNotBefore deniedBy { code people } } }""".formatted(S),
                Map.of());
        assertNull(sent.get("errors"), sent::prettify);
        Map<String, Object> counts = sent.getMap("data.requestOutreachForSegment");
        assertEquals(4, counts.get("members"));
        assertEquals(2, counts.get("queued"));
        assertEquals(1, counts.get("allowed"));
        assertEquals(1, counts.get("notNow"));
        assertEquals(1, counts.get("denied"));
        assertEquals(1, counts.get("duplicate"));
        assertEquals("2026-12-24T00:00:00Z", counts.get("earliestNotBefore"));
        assertEquals(List.of("paused", "withdrawn"), sent.getList("data.requestOutreachForSegment.deniedBy.code"));
        StubService.Call call = Stubs.consent.calls().stream().filter(c -> c.path().equals("/outreach/requests/bulk")).findFirst()
                .orElseThrow();
        assertTrue(call.query().contains("segmentId=" + S) && call.query().contains("campaign=winter-2026"), call.query());
    }

    @Test
    void anUnknownSegmentABadIdOrABlankCampaignIsACodedErrorNamingTheField() {
        Stubs.consent.on("POST", "/decisions/bulk", r -> StubService.Answer.problem(422, "https://rapport.dev/problems/unknown-segment",
                "No segment " + S, "segmentId"));
        JsonPath unknown = GraphQL.query(MARKETER, "{ reachOfSegment(segmentId: \"" + S + "\", purpose: \"newsletter\") { members } }",
                Map.of());
        assertEquals("rule-broken", unknown.getString("errors[0].extensions.code"), unknown::prettify);
        assertEquals("segmentId", unknown.getString("errors[0].extensions.problem.errors[0].field"), unknown::prettify);
        assertEquals("https://rapport.dev/problems/unknown-segment", unknown.getString("errors[0].extensions.problem.type"));

        int before = Stubs.consent.calls().size();
        JsonPath bad = GraphQL.query(MARKETER, "{ reachOfSegment(segmentId: \"nope\", purpose: \"newsletter\") { members } }", Map.of());
        assertEquals("invalid-input", bad.getString("errors[0].extensions.code"), bad::prettify);
        JsonPath blank = GraphQL.query(MARKETER, "mutation { requestOutreachForSegment(segmentId: \"" + S
                + "\", purpose: \"newsletter\", campaign: \" \") { members } }", Map.of());
        assertEquals("invalid-input", blank.getString("errors[0].extensions.code"), blank::prettify);
        assertEquals("campaign", blank.getString("errors[0].extensions.problem.errors[0].field"), blank::prettify);
        assertEquals(before, Stubs.consent.calls().size(), "nothing sent to consent-service for input refused by the gateway");

        String analyst = Tokens.forRoles("ana", "analyst");
        JsonPath refused = GraphQL.query(analyst, "mutation { requestOutreachForSegment(segmentId: \"" + S
                + "\", purpose: \"newsletter\", campaign: \"c\") { members } }", Map.of());
        assertEquals("forbidden", refused.getString("errors[0].extensions.code"), refused::prettify);
    }
}

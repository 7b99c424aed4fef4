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

/** Segments through the graph: the definition passed on as contacts-service takes it, the version carried, roles checked. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class SegmentGraphQLTest {
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String ANALYST = Tokens.forRoles("ana", "analyst");
    static final String S = "00000000-0000-7000-8000-0000000005e9";
    static final String SEGMENT = "{\"id\":\"" + S + "\",\"name\":\"VIP\",\"kind\":\"FILTER\",\"filter\":{\"tags\":[\"vip\"],"
            + "\"stage\":\"CUSTOMER\",\"minValue\":500},\"version\":%d,\"createdBy\":\"mia\"}";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void createUpdateCountAndSetMembersReachContactsService() {
        Stubs.contacts.on("POST", "/segments", r -> new StubService.Answer(201, "application/json", SEGMENT.formatted(1)));
        Stubs.contacts.on("PUT", "/segments/([^/]+)", r -> StubService.Answer.json(SEGMENT.formatted(2)));
        Stubs.contacts.on("GET", "/segments/([^/]+)/count", r -> StubService.Answer.json("{\"segmentId\":\"" + S + "\",\"version\":2,\"count\":1234}"));
        Stubs.contacts.on("PUT", "/segments/([^/]+)/members", r -> StubService.Answer.json(
                "{\"segmentId\":\"" + S + "\",\"version\":3,\"members\":2,\"unknown\":0,\"repeated\":0}"));

        JsonPath created = GraphQL.query(MARKETER, """
                mutation { createSegment(input: {name: "VIP", filter: {tags: ["vip"], stage: CUSTOMER, minValue: 500}}) {
                  id kind version filter { tags stage minValue } } }""", Map.of());
        assertNull(created.get("errors"), created::prettify);
        assertEquals(S, created.getString("data.createSegment.id"));
        assertEquals("CUSTOMER", created.getString("data.createSegment.filter.stage"));
        StubService.Call post = Stubs.contacts.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        JsonPath sent = JsonPath.from(post.body());
        assertEquals("VIP", sent.getString("name"));
        assertEquals(List.of("vip"), sent.getList("filter.tags"));
        assertEquals("CUSTOMER", sent.getString("filter.stage"));

        JsonPath updated = GraphQL.query(MARKETER, "mutation { updateSegment(id: \"" + S + "\", version: 1, input: {name: \"VIP\"}) { version } }",
                Map.of());
        assertEquals(2, updated.getInt("data.updateSegment.version"), updated::prettify);
        StubService.Call put = Stubs.contacts.calls().stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
        assertEquals(1, JsonPath.from(put.body()).getInt("version"));

        JsonPath count = GraphQL.query(ANALYST, "{ segmentCount(id: \"" + S + "\") { count version } }", Map.of());
        assertEquals(1234, count.getInt("data.segmentCount.count"), count::prettify);

        String a = "00000000-0000-7000-8000-00000000000a";
        String b = "00000000-0000-7000-8000-00000000000b";
        JsonPath members = GraphQL.query(MARKETER, "mutation { setSegmentMembers(id: \"" + S + "\", contactIds: [\"" + a + "\", \"" + b
                + "\"]) { members version } }", Map.of());
        assertNull(members.get("errors"), members::prettify);
        assertEquals(3, members.getInt("data.setSegmentMembers.version"), members::prettify);
        StubService.Call upload = Stubs.contacts.calls().stream().filter(c -> c.path().endsWith("/members")).findFirst().orElseThrow();
        assertEquals(a + "\n" + b + "\n", upload.body());
    }

    @Test
    void aRenewalOfferTakesASegmentAndSaysWhichVersionItRead() {
        String p = "00000000-0000-7000-8000-0000000000c1";
        Stubs.feedback.on("POST", "/programmes/([^/]+)/offers", r -> new StubService.Answer(201, "application/json",
                "{\"id\":\"00000000-0000-7000-8000-0000000000c2\",\"programmeId\":\"" + p + "\",\"period\":\"2026\","
                        + "\"tiers\":[4,5],\"channel\":\"EMAIL\",\"campaign\":\"c\",\"audience\":12,\"segmentId\":\"" + S + "\","
                        + "\"segmentVersion\":7,\"createdAt\":\"2026-12-01T10:00:00Z\"}"));
        JsonPath sent = GraphQL.query(MARKETER, "mutation { sendRenewalOffer(programmeId: \"" + p + "\", input: {period: \"2026\", "
                + "tiers: [4, 5], channel: \"EMAIL\", segmentId: \"" + S + "\"}) { audience segmentId segmentVersion } }", Map.of());
        assertNull(sent.get("errors"), sent::prettify);
        assertEquals(S, sent.getString("data.sendRenewalOffer.segmentId"));
        assertEquals(7, sent.getInt("data.sendRenewalOffer.segmentVersion"));
        StubService.Call post = Stubs.feedback.calls().stream().filter(c -> c.path().endsWith("/offers")).findFirst().orElseThrow();
        assertEquals(S, JsonPath.from(post.body()).getString("segmentId"));

        Stubs.feedback.on("POST", "/programmes/([^/]+)/offers", r -> new StubService.Answer(422, "application/problem+json",
                "{\"type\":\"https://rapport.dev/problems/unknown-segment\",\"title\":\"Unknown segment\",\"status\":422,"
                        + "\"detail\":\"segmentId: names no segment\",\"errors\":[{\"field\":\"segmentId\",\"message\":\"names no segment\"}]}"));
        JsonPath unknown = GraphQL.query(MARKETER, "mutation { sendRenewalOffer(programmeId: \"" + p + "\", input: {period: \"2026\", "
                + "tiers: [5], channel: \"EMAIL\", segmentId: \"" + S + "\"}) { id } }", Map.of());
        assertEquals("rule-broken", unknown.getString("errors[0].extensions.code"), unknown::prettify);
    }

    @Test
    void analystsReadButDoNotWriteAndBadIdsAreRefusedBeforeAnyCall() {
        assertEquals("forbidden", GraphQL.query(ANALYST, "mutation { createSegment(input: {name: \"x\"}) { id } }", Map.of())
                .getString("errors[0].extensions.code"));
        JsonPath bad = GraphQL.query(MARKETER, "mutation { setSegmentMembers(id: \"" + S + "\", contactIds: [\"nope\"]) { members } }",
                Map.of());
        assertEquals("invalid-input", bad.getString("errors[0].extensions.code"), bad::prettify);
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().startsWith("/segments")));
    }
}

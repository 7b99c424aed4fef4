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
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class BatchingTest {
    static final String MARKETER = Tokens.forRoles("mia", "marketer");
    static final String ADMIN = Tokens.forRoles("root", "admin");

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
                    mayContact(purpose: "newsletter", channel: EMAIL) { allowed reasons { code } } } } }""");

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

    static final String EVERY_FIELD = """
                { contacts(first: 100) { nodes { id
                    contactPoints { address } value { currency } leadScore { score } signals { kind }
                    followUps(includeCompleted: true) { topic } timeline(first: 5) { nodes { id type } pageInfo { endCursor hasNextPage } }
                    organisation { name }
                    consents { status } policy { doNotContact } mayContact(purpose: "survey") { allowed }
                    consentLedger(first: 10) { nodes { id kind } pageInfo { endCursor } } touches(status: DELIVERED) { nodes { id status } }
                    cases(status: OPEN) { nodes { id status } } invitations { nodes { consultationTitle responded } }
                    loopFollowUps { nodes { answer why } } ratings { nodes { stars subjectType } }
                    consultationResponses { nodes { consultationId ratings { bucket } } }
                    renewalScores { programmeName period score } } } }""";

    @Test
    void everyNestedContactFieldCostsOneCallPerServiceForAHundredContacts() {
        // the first query through every resolver loads and compiles a lot; count the calls of the second
        GraphQL.query(ADMIN, EVERY_FIELD);
        Stubs.resetAll();
        JsonPath answer = GraphQL.query(ADMIN, EVERY_FIELD);

        assertNull(answer.getList("errors"), () -> answer.prettify());
        assertEquals(100, answer.getList("data.contacts.nodes").size());
        // each answer lands on its own contact
        assertEquals("n-c-007", answer.getString("data.contacts.nodes[7].timeline.pageInfo.endCursor"));
        assertEquals("i-c-007", answer.getString("data.contacts.nodes[7].timeline.nodes[0].id"));
        assertEquals("Org org-7", answer.getString("data.contacts.nodes[7].organisation.name"));
        assertEquals("older-c-042", answer.getString("data.contacts.nodes[42].consentLedger.pageInfo.endCursor"));
        assertEquals("case-c-042", answer.getString("data.contacts.nodes[42].cases.nodes[0].id"));
        assertEquals(2, answer.getInt("data.contacts.nodes[13].ratings.nodes[0].stars"));
        assertEquals(5, answer.getInt("data.contacts.nodes[12].ratings.nodes[0].stars"));
        assertEquals(12.5, answer.getDouble("data.contacts.nodes[99].leadScore.score"));
        assertEquals("FOLLOW_UP_DUE", answer.getString("data.contacts.nodes[50].signals[0].kind"));
        assertEquals("call back", answer.getString("data.contacts.nodes[50].followUps[0].topic"));
        assertEquals("DELIVERED", answer.getString("data.contacts.nodes[50].touches.nodes[0].status"));
        assertEquals("Roadmap", answer.getString("data.contacts.nodes[50].invitations.nodes[0].consultationTitle"));
        assertEquals("PARTLY", answer.getString("data.contacts.nodes[50].loopFollowUps.nodes[0].answer"));
        assertEquals("ESSENTIAL", answer.getString("data.contacts.nodes[50].consultationResponses.nodes[0].ratings[0].bucket"));
        assertEquals(4, answer.getInt("data.contacts.nodes[50].renewalScores[0].score"));

        // exactly one call per field and service, each naming all hundred contacts (or their ten organisations)
        assertEquals(List.of("GET /by-contact/follow-ups", "GET /by-contact/interactions", "GET /by-contact/signals",
                "GET /contact-points", "GET /contacts", "GET /lead-scores", "GET /organisations", "GET /values"),
                paths(Stubs.contacts).stream().sorted().toList());
        assertEquals(List.of("GET /by-contact/consent-events", "GET /by-contact/outreach-requests", "GET /consents",
                "GET /policies", "POST /decisions/bulk"), paths(Stubs.consent).stream().sorted().toList());
        assertEquals(List.of("GET /by-contact/cases", "GET /by-contact/follow-ups", "GET /by-contact/invitations",
                "GET /by-contact/ratings", "GET /by-contact/renewal-scores", "GET /by-contact/responses"),
                paths(Stubs.feedback).stream().sorted().toList());
        List<StubService.Call> bulk = new java.util.ArrayList<>();
        for (StubService s : List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
            s.calls().stream().filter(c -> c.query() != null && c.query().contains("contactIds=")).forEach(bulk::add);
        }
        assertEquals(16, bulk.size());
        bulk.forEach(c -> assertEquals(100, idsIn(c.query(), "contactIds").size(), c.path()));
        StubService.Call organisations = Stubs.contacts.calls().stream().filter(c -> c.path().equals("/organisations")).findFirst().orElseThrow();
        assertEquals(10, idsIn(organisations.query(), "ids").size());
    }

    @Test
    void aContactReadingItselfUsesTheSameBulkEndpointsWithItsOwnId() {
        JsonPath answer = GraphQL.query(Tokens.forContact("c-ada"), "{ me { id followUps { topic } cases { nodes { id } } ratings { nodes { stars } } "
                + "consultationResponses { nodes { id } } timeline { nodes { id } } } }");

        assertNull(answer.getList("errors"), () -> answer.prettify());
        assertEquals("case-c-ada", answer.getString("data.me.cases.nodes[0].id"));
        List<StubService.Call> bulk = new java.util.ArrayList<>();
        for (StubService s : List.of(Stubs.contacts, Stubs.feedback)) {
            s.calls().stream().filter(c -> c.path().startsWith("/by-contact/")).forEach(bulk::add);
        }
        assertEquals(5, bulk.size());
        bulk.forEach(c -> assertEquals(List.of("c-ada"), idsIn(c.query(), "contactIds"), c.path()));
    }

    static List<String> idsIn(String query, String param) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(param + "=")) {
                return List.of(java.net.URLDecoder.decode(pair.substring(param.length() + 1), java.nio.charset.StandardCharsets.UTF_8)
                        .split(","));
            }
        }
        return List.of();
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

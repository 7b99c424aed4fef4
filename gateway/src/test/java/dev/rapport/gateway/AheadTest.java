package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * A contact-360 by id is one service round trip deep, not two: the consent and feedback calls of its fields start
 * while contacts-service is still fetching the contact, and each is made once.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class AheadTest {
    static final String AGENT = Tokens.forRoles("ahead-agent", "agent");
    static final long SLOW_MS = 1500;
    static final String QUERY = """
            { contact(id: "c-42") { id displayName
                consents { purpose status }
                decisions(purposes: ["newsletter", "survey"]) { purpose allowed }
                mayContact(purpose: "service") { allowed }
                policy { doNotContact }
                cases { nodes { id } }
                ratings { nodes { id } } } }""";

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void theFieldsCallsStartWhileTheContactIsFetchedAndAreMadeOnce() {
        Stubs.contacts.slow(SLOW_MS);
        long start = System.nanoTime();
        JsonPath answer = GraphQL.query(AGENT, QUERY);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertNull(answer.getList("errors"), answer::prettify);
        assertEquals("c-42", answer.getString("data.contact.id"));
        assertEquals(2, answer.getList("data.contact.decisions").size());
        assertEquals("case-c-42", answer.getString("data.contact.cases.nodes[0].id"));

        long contactAsked = only(Stubs.contacts, "GET", "/contacts/c-42").at();
        for (StubService service : List.of(Stubs.consent, Stubs.feedback)) {
            for (StubService.Call call : service.calls()) {
                long afterMs = (call.at() - contactAsked) / 1_000_000;
                assertTrue(afterMs < SLOW_MS - 500, call.method() + " " + call.path() + " was sent " + afterMs
                        + " ms after the contact was asked for, not while contacts-service was answering");
            }
        }
        // each field's call once: the resolvers took the calls under way instead of calling again
        assertEquals(List.of("GET /contacts/c-42/consents", "GET /contacts/c-42/policy", "POST /decisions", "POST /decisions",
                "POST /decisions"), Stubs.consent.calls().stream().map(c -> c.method() + " " + c.path()).sorted().toList());
        assertEquals(List.of("GET /by-contact/cases", "GET /by-contact/ratings"),
                Stubs.feedback.calls().stream().map(c -> c.method() + " " + c.path()).sorted().toList());
        assertTrue(tookMs < 2 * SLOW_MS, "took " + tookMs + " ms");
    }

    @Test
    void severalContactsByIdInOneDocumentUseTheirCallsUnderWay() {
        JsonPath answer = GraphQL.query(AGENT, """
                { a: contact(id: "c-1") { id cases { nodes { id } } decisions(purposes: ["newsletter"]) { allowed } }
                  b: contact(id: "c-2") { id cases { nodes { id } } decisions(purposes: ["newsletter"]) { allowed } } }""");
        assertNull(answer.getList("errors"), answer::prettify);
        assertEquals("case-c-1", answer.getString("data.a.cases.nodes[0].id"));
        assertEquals("case-c-2", answer.getString("data.b.cases.nodes[0].id"));
        assertEquals(1, answer.getList("data.b.decisions").size());
        // one call per contact, started with each contact's fetch; none again for the batch of both
        assertEquals(2, Stubs.feedback.calls().stream().filter(c -> c.path().equals("/by-contact/cases")).count(),
                () -> requests(Stubs.feedback));
        assertEquals(2, Stubs.consent.calls().stream().filter(c -> c.path().startsWith("/decisions")).count(),
                () -> requests(Stubs.consent));
    }

    @Test
    void aFieldTheRoleMayNotReadIsStillRefusedAndNotCalled() {
        // cases are started ahead with the contact fetch, and a marketer may not read them (docs/roles.md)
        String marketer = Tokens.forRoles("ahead-marketer", "marketer");
        JsonPath answer = GraphQL.query(marketer, "{ contact(id: \"c-7\") { id consents { purpose } cases { nodes { id } } } }");
        assertEquals("c-7", answer.getString("data.contact.id"), answer::prettify);
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertTrue(Stubs.feedback.calls().stream().noneMatch(c -> c.path().endsWith("/cases")),
                () -> requests(Stubs.feedback));
    }

    private static String requests(StubService service) {
        return service.calls().stream().map(c -> c.method() + " " + c.path() + "?" + c.query()).toList().toString();
    }

    private static StubService.Call only(StubService service, String method, String path) {
        List<StubService.Call> calls = service.calls().stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertEquals(1, calls.size(), () -> requests(service));
        return calls.get(0);
    }
}

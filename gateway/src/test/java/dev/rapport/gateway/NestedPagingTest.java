package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
 * Every list nested in a contact is a connection paged with {@code first}/{@code after}, and a list of contacts asking
 * for them still costs one call per field and service. The stub services page a "many…" contact's five items by cursor.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class NestedPagingTest {
    static final String ADMIN = Tokens.forRoles("root", "admin");

    /** Each nested connection of Contact, with the id prefix the stubs give its items. */
    static final Map<String, String> LISTS = Map.of("cases", "case-", "ratings", "r-", "invitations", "inv-",
            "loopFollowUps", "lf-", "consultationResponses", "resp-", "touches", "t-", "timeline", "i-");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void eachNestedListPagesThroughTwoPagesWithAfterWithoutRepeatingOrSkipping() {
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            String field = list.getKey();
            JsonPath first = page(field, 3, null);
            assertNull(first.getList("errors"), () -> field + ": " + first.prettify());
            String at = "data.contact." + field;
            assertEquals(3, first.getList(at + ".nodes").size(), field);
            assertTrue(first.getBoolean(at + ".pageInfo.hasNextPage"), field);
            assertNull(first.get(at + ".totalCount"), field + ": not known without counting");
            // every edge has its own cursor, the last one is the page's end
            List<String> cursors = first.getList(at + ".edges.cursor");
            assertEquals(3, new LinkedHashSet<>(cursors).size(), field);
            assertEquals(cursors.get(2), first.getString(at + ".pageInfo.endCursor"), field);

            JsonPath second = page(field, 3, first.getString(at + ".pageInfo.endCursor"));
            assertNull(second.getList("errors"), () -> field + ": " + second.prettify());
            assertFalse(second.getBoolean(at + ".pageInfo.hasNextPage"), field);
            assertTrue(second.getBoolean(at + ".pageInfo.hasPreviousPage"), field);

            List<String> seen = new ArrayList<>(first.getList(at + ".nodes.id"));
            seen.addAll(second.getList(at + ".nodes.id"));
            List<String> all = IntStream.range(0, Stubs.MANY).mapToObj(n -> list.getValue() + "many-ada#" + n).toList();
            assertEquals(all, seen, field + ": both pages together, in order, each item once");

            // any edge's cursor resumes after that node
            JsonPath resumed = page(field, 10, cursors.get(0));
            assertEquals(all.subList(1, Stubs.MANY), resumed.getList(at + ".nodes.id"), field);
            // the whole list in one page has its count
            assertEquals(Stubs.MANY, page(field, 10, null).getInt(at + ".totalCount"), field);
        }
    }

    @Test
    void aCursorThatIsNotOneIsInvalidInputNamingAfterAndAsksNoService() {
        for (String field : LISTS.keySet()) {
            JsonPath answer = page(field, 3, "not-a-cursor");
            assertEquals("invalid-input", answer.getString("errors[0].extensions.code"), () -> field + ": " + answer.prettify());
            assertEquals("after", answer.getString("errors[0].extensions.problem.errors[0].field"), field);
            assertNull(answer.get("data.contact." + field), field);
        }
        assertTrue(Stubs.feedback.calls().isEmpty(), () -> Stubs.feedback.calls().toString());
        assertTrue(Stubs.consent.calls().isEmpty(), () -> Stubs.consent.calls().toString());
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().startsWith("/by-contact/")));

        // the shape of a cursor, but not one the service gave out: the service refuses it, still named after
        JsonPath foreign = page("ratings", 3, Base64Cursor.of("v1\u001fyesterday"));
        assertEquals("invalid-input", foreign.getString("errors[0].extensions.code"), foreign::prettify);
        assertEquals("after", foreign.getString("errors[0].extensions.problem.errors[0].field"));
        assertTrue(foreign.getString("errors[0].message").startsWith("after:"), foreign.getString("errors[0].message"));
    }

    static final String FIFTY = """
            query($after: String) { contacts(first: 50) { nodes { id
                cases(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } }
                ratings(first: 2, after: $after) { edges { cursor node { stars } } }
                invitations(first: 2, after: $after) { nodes { consultationTitle } }
                loopFollowUps(first: 2, after: $after) { nodes { answer } }
                consultationResponses(first: 2, after: $after) { nodes { id } }
                touches(first: 2, after: $after) { nodes { status } totalCount }
                timeline(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } } } }""";

    @Test
    void fiftyContactsWithNestedConnectionsCostOneCallPerFieldAndServiceOnEveryPage() {
        GraphQL.query(ADMIN, FIFTY, new HashMap<>()); // the first query through these resolvers loads a lot
        for (String after : new String[] {null, Stubs.cursor(1)}) {
            Stubs.resetAll();
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonPath answer = GraphQL.query(ADMIN, FIFTY, variables);

            assertNull(answer.getList("errors"), answer::prettify);
            assertEquals(50, answer.getList("data.contacts.nodes").size());
            assertEquals("case-c-042", answer.getString("data.contacts.nodes[42].cases.nodes[0].id"), "each page on its own contact");
            assertEquals("DELIVERED", answer.getString("data.contacts.nodes[49].touches.nodes[0].status"));

            assertEquals(List.of("GET /by-contact/cases", "GET /by-contact/follow-ups", "GET /by-contact/invitations",
                    "GET /by-contact/ratings", "GET /by-contact/responses"), BatchingTest.paths(Stubs.feedback).stream().sorted().toList());
            assertEquals(List.of("GET /by-contact/outreach-requests"), BatchingTest.paths(Stubs.consent));
            assertEquals(List.of("GET /by-contact/interactions", "GET /contacts"),
                    BatchingTest.paths(Stubs.contacts).stream().sorted().toList());
            List<StubService.Call> bulk = new ArrayList<>();
            for (StubService s : List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
                s.calls().stream().filter(c -> c.path().startsWith("/by-contact/")).forEach(bulk::add);
            }
            assertEquals(7, bulk.size());
            for (StubService.Call call : bulk) {
                assertEquals(50, BatchingTest.idsIn(call.query(), "contactIds").size(), call.path());
                assertEquals(List.of("2"), BatchingTest.idsIn(call.query(), "limit"), call.path());
                assertEquals(after == null ? List.of() : List.of(after), BatchingTest.idsIn(call.query(), "cursor"), call.path());
            }
        }
    }

    private static JsonPath page(String field, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", after);
        return GraphQL.query(ADMIN, "query($after: String) { contact(id: \"many-ada\") { " + field + "(first: " + first
                + ", after: $after) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } }",
                variables);
    }

    /** A string in the services' cursor envelope. */
    static final class Base64Cursor {
        static String of(String raw) {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The lists nested in a thread ({@code messages}), a case ({@code history}) and a consultation ({@code initiatives})
 * are connections paged with {@code first}/{@code after}, with the service's count as {@code totalCount}; a page of
 * parents costs one feedback-service call per list. The stub pages each parent's {@link Stubs#MANY} items by cursor.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class FeedbackNestedPagingTest {
    static final String ADMIN = Tokens.forRoles("root", "admin");
    static final String CONSULTATIONS = "/consultations";

    Function<StubService.Request, StubService.Answer> replaced;

    /** feedback-service's consultation list, 50 of them. */
    @BeforeEach
    void fiftyConsultations() {
        Stubs.warmUp();
        replaced = Stubs.feedback.swap("GET", CONSULTATIONS, r -> StubService.Answer.json("{\"items\":[" + IntStream.range(0, 50)
                .mapToObj(n -> "{\"id\":\"k-" + n + "\",\"title\":\"Plan " + n + "\",\"status\":\"OPEN\",\"version\":1}")
                .collect(Collectors.joining(",")) + "],\"next\":null}"));
        Stubs.resetAll();
    }

    @AfterEach
    void putBack() {
        Stubs.feedback.swap("GET", CONSULTATIONS, replaced);
    }

    @Test
    void aCasesHistoryPagesThroughWithAfterWithItsTotal() {
        JsonPath first = history(3, null);
        assertNull(first.getList("errors"), first::prettify);
        assertEquals(List.of("ev-k1#0", "ev-k1#1", "ev-k1#2"), first.getList("data.case.history.nodes.id"));
        assertEquals(first.getList("data.case.history.edges.cursor").get(2), first.getString("data.case.history.pageInfo.endCursor"));
        assertTrue(first.getBoolean("data.case.history.pageInfo.hasNextPage"));
        assertEquals(Stubs.MANY, first.getInt("data.case.history.totalCount"), "the service's count, though the list goes on");

        JsonPath second = history(3, first.getString("data.case.history.pageInfo.endCursor"));
        assertEquals(List.of("ev-k1#3", "ev-k1#4"), second.getList("data.case.history.nodes.id"));
        assertFalse(second.getBoolean("data.case.history.pageInfo.hasNextPage"));
        assertTrue(second.getBoolean("data.case.history.pageInfo.hasPreviousPage"));
        assertEquals(Stubs.MANY, second.getInt("data.case.history.totalCount"));
    }

    static final String FIFTY = """
            query($after: String) {
              contacts(first: 50) { nodes { id
                cases(first: 1) { nodes { id history(first: 2, after: $after) { nodes { id type } pageInfo { endCursor hasNextPage } totalCount } } }
                loopFollowUps(first: 1) { nodes { initiative { title } thread { id messages(first: 2, after: $after) { nodes { body answer } totalCount } } } } } }
              consultations(first: 50) { nodes { id initiatives(first: 2, after: $after) { edges { cursor node { title } } totalCount } } } }""";

    @Test
    void fiftyParentsCostOneCallPerNestedListOnEveryPage() {
        GraphQL.query(ADMIN, FIFTY, new HashMap<>()); // the first query through these resolvers loads a lot
        for (String after : new String[] {null, Stubs.cursor(1)}) {
            Stubs.resetAll();
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonPath answer = GraphQL.query(ADMIN, FIFTY, variables);

            assertNull(answer.getList("errors"), answer::prettify);
            assertEquals("ev-case-c-042#" + (after == null ? 0 : 2),
                    answer.getString("data.contacts.nodes[42].cases.nodes[0].history.nodes[0].id"), "each page on its own case");
            assertEquals(2, answer.getList("data.contacts.nodes[42].cases.nodes[0].history.nodes").size());
            assertEquals(Stubs.MANY, answer.getInt("data.contacts.nodes[49].loopFollowUps.nodes[0].thread.messages.totalCount"));
            assertEquals(2, answer.getList("data.consultations.nodes[49].initiatives.edges").size());
            assertEquals("NO", answer.getString("data.contacts.nodes[49].loopFollowUps.nodes[0].thread.messages.nodes[0].answer"),
                    "the person's answer comes as data beside their words");
            assertEquals("too slow", answer.getString("data.contacts.nodes[49].loopFollowUps.nodes[0].thread.messages.nodes[0].body"));
            assertEquals("Title of in-c-049", answer.getString("data.contacts.nodes[49].loopFollowUps.nodes[0].initiative.title"),
                    "the follow-up names its initiative");
            List<StubService.Call> initiatives = Stubs.feedback.calls().stream().filter(c -> c.path().equals("/initiatives")).toList();
            assertEquals(1, initiatives.size(), "one call names the initiatives of every follow-up in the answer");
            assertEquals(50, BatchingTest.idsIn(initiatives.get(0).query(), "ids").size());

            Map<String, List<StubService.Call>> nested = new HashMap<>();
            for (StubService.Call call : Stubs.feedback.calls()) {
                if (List.of("/cases/history", "/threads/messages", "/consultations/initiatives").contains(call.path())) {
                    nested.computeIfAbsent(call.path(), k -> new ArrayList<>()).add(call);
                }
            }
            Map<String, String> idsParam = Map.of("/cases/history", "caseIds", "/threads/messages", "threadIds",
                    "/consultations/initiatives", "consultationIds");
            assertEquals(idsParam.keySet(), nested.keySet(), () -> Stubs.feedback.calls().toString());
            nested.forEach((path, calls) -> {
                assertEquals(1, calls.size(), path + ": one call for the whole answer");
                StubService.Call call = calls.get(0);
                assertEquals(50, BatchingTest.idsIn(call.query(), idsParam.get(path)).size(), path);
                assertEquals(List.of("2"), BatchingTest.idsIn(call.query(), "limit"), path);
                assertEquals(after == null ? List.of() : List.of(after), BatchingTest.idsIn(call.query(), "cursor"), path);
            });
        }
    }

    @Test
    void aBadAfterOrFirstIsInvalidInputNamingItAndAsksNoService() {
        for (String field : List.of("history", "initiatives", "messages")) {
            String document = switch (field) {
                case "history" -> "{ case(id: \"k1\") { id history(%s) { nodes { id } } } }";
                case "initiatives" -> "{ consultations(first: 2) { nodes { id initiatives(%s) { nodes { id } } } } }";
                default -> "{ contact(id: \"c-1\") { loopFollowUps { nodes { thread { messages(%s) { nodes { id } } } } } } }";
            };
            for (String args : List.of("after: \"not-a-cursor\"", "first: 0", "first: 101")) {
                Stubs.resetAll();
                JsonPath answer = GraphQL.query(ADMIN, document.formatted(args));
                assertEquals("invalid-input", answer.getString("errors[0].extensions.code"), () -> field + ": " + answer.prettify());
                assertEquals(args.substring(0, args.indexOf(':')), answer.getString("errors[0].extensions.problem.errors[0].field"),
                        field + " " + args);
                assertTrue(Stubs.feedback.calls().stream().noneMatch(c -> c.path().endsWith("/" + field)),
                        () -> field + ": " + Stubs.feedback.calls());
            }
        }
    }

    @Test
    void whyNotThreadsIsAConnection() {
        JsonPath answer = GraphQL.query(ADMIN, "{ whyNotThreads(first: 5) { nodes { id } pageInfo { hasNextPage } totalCount } }");
        assertNull(answer.getList("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.whyNotThreads.pageInfo.hasNextPage"));
        assertEquals(0, answer.getInt("data.whyNotThreads.totalCount"), "a list that fits in the first page has its count");
        StubService.Call call = Stubs.feedback.calls().stream().filter(c -> c.path().equals("/threads")).findFirst().orElseThrow();
        assertEquals(List.of("5"), BatchingTest.idsIn(call.query(), "limit"));

        JsonPath bad = GraphQL.query(ADMIN, "{ whyNotThreads(after: \"nope\") { nodes { id } } }");
        assertEquals("invalid-input", bad.getString("errors[0].extensions.code"), bad::prettify);
        assertEquals("after", bad.getString("errors[0].extensions.problem.errors[0].field"));
    }

    private static JsonPath history(int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", after);
        return GraphQL.query(ADMIN, "query($after: String) { case(id: \"k1\") { id history(first: " + first + ", after: $after) { "
                + "nodes { id } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } }", variables);
    }
}

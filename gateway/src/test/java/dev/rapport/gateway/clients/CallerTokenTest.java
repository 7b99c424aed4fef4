package dev.rapport.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The token each service sees is the caller's own ({@link CallerToken}), read when the call goes out, never the token of
 * another request served at the same time: batched {@code @Source} fields, calls started ahead of their field and
 * retried reads all run after the resolver has returned, on whatever thread the previous answer arrived on.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class CallerTokenTest {
    /** Each caller asks about contacts whose ids start with its name, so every call a stub saw names whose it is. */
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    static {
        TOKENS.put("agent", Tokens.forRoles("ann-agent", "agent"));
        TOKENS.put("admin", Tokens.forRoles("root-admin", "admin"));
        TOKENS.put("person", Tokens.forContact("person-1"));
        TOKENS.put("link", Tokens.linkSession("link-1", "PREFERENCES", null, 600));
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll(); // another test's failures must not decide this one's answers
    }

    static String staffDocument(String who, int round) {
        String fields = "{ id value { currency } consents { status } policy { doNotContact } "
                + "mayContact(purpose: \"survey\") { allowed } cases { nodes { id } } timeline(first: 3) { nodes { id } } }";
        return "{ " + IntStream.range(0, 3).mapToObj(i -> "c" + i + ": contact(id: \"" + who + "-" + round + "-" + i + "\") " + fields)
                .collect(Collectors.joining(" ")) + " many: contacts(first: 3) { nodes { id } } }";
    }

    static String query(String who, int round) {
        String token = TOKENS.get(who);
        String document = who.equals("agent") || who.equals("admin") ? staffDocument(who, round)
                : "{ me { id consents { status } policy { doNotContact } } }";
        JsonPath answer = GraphQL.query(token, document);
        assertNull(answer.getList("errors"), () -> who + ": " + answer.prettify());
        return who;
    }

    @Test
    void concurrentCallersWithDifferentRolesEachSendOnlyTheirOwnToken() throws Exception {
        List<String> callers = new ArrayList<>(TOKENS.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (String who : callers) {
                    int r = round;
                    done.add(pool.submit(() -> query(who, r)));
                }
            }
            for (Future<String> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (StubService s : List.of(Stubs.contacts, Stubs.consent, Stubs.feedback)) {
            for (StubService.Call call : s.calls()) {
                String asked = call.path() + "?" + call.query();
                for (String who : callers) {
                    if (asked.contains(who + "-")) {
                        seen.merge(who, 1, Integer::sum);
                        if (!("Bearer " + TOKENS.get(who)).equals(call.authorization())) {
                            wrong.add(call.method() + " " + asked + " for " + who + " carried " + holderOf(call.authorization()));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "calls that carried another caller's token");
        callers.forEach(who -> assertTrue(seen.getOrDefault(who, 0) >= 6, () -> "calls made for " + who + ": " + seen));
    }

    private static String holderOf(String authorization) {
        return TOKENS.entrySet().stream().filter(e -> ("Bearer " + e.getValue()).equals(authorization)).map(Map.Entry::getKey)
                .findFirst().orElse(String.valueOf(authorization));
    }
}

package dev.rapport.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The bench profile (docs/operations.md): a request without a token acts as the fixed bench identity and its calls go
 * to the services with no token, where {@link CallerToken} would otherwise refuse them; a request with a token still
 * sends that token.
 */
@QuarkusTest
@TestProfile(BenchProfileTokenTest.Bench.class)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class BenchProfileTokenTest {
    public static class Bench implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,bench";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.security.bench-identity.enabled", "true", "rapport.security.bench-identity.roles", "agent");
        }
    }

    static final String QUERY = "{ contacts(first: 2) { nodes { id value { currency } consents { status } cases { nodes { id } } } } }";

    @BeforeEach
    void reset() {
        Stubs.resetAll();
    }

    static List<StubService.Call> calls() {
        List<StubService.Call> all = new ArrayList<>();
        List.of(Stubs.contacts, Stubs.consent, Stubs.feedback).forEach(s -> all.addAll(s.calls()));
        return all;
    }

    @Test
    void aRequestWithoutATokenIsForwardedWithoutOne() {
        JsonPath answer = GraphQL.query(null, QUERY);
        assertNull(answer.getList("errors"), answer::prettify);
        assertEquals(2, answer.getList("data.contacts.nodes").size());
        assertFalse(calls().isEmpty());
        calls().forEach(c -> assertNull(c.authorization(), c.path()));
    }

    @Test
    void aRequestWithATokenStillSendsIt() {
        String agent = Tokens.forRoles("bench-agent", "agent");
        JsonPath answer = GraphQL.query(agent, QUERY);
        assertNull(answer.getList("errors"), answer::prettify);
        assertFalse(calls().isEmpty());
        calls().forEach(c -> assertEquals("Bearer " + agent, c.authorization(), c.path()));
    }
}

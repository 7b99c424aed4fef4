package dev.rapport.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Each caller's budget of query-cost points per minute (default 20,000), shown on every answer. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class CostLimitsTest {
    static final int LIMIT = 20_000;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    static String newCaller() {
        return Tokens.forRoles("cost-" + UUID.randomUUID(), "admin");
    }

    @Test
    void everyAnswerSaysWhatTheQueryCostAndWhatIsLeft() {
        String caller = newCaller();
        JsonPath first = GraphQL.query(caller, "{ __typename }");
        assertEquals(1, first.getInt("extensions.cost.requested"), first::prettify);
        assertEquals(LIMIT, first.getInt("extensions.cost.limit"));
        assertEquals(LIMIT - 1, first.getInt("extensions.cost.remaining"));

        JsonPath page = GraphQL.query(caller, "{ contacts(first: 100) { nodes { id givenName } } }");
        assertEquals(31, page.getInt("extensions.cost.requested"), page::prettify);
        assertTrue(page.getInt("extensions.cost.remaining") <= LIMIT - 32 + 1, page::prettify);
    }

    @Test
    void aCallerOverBudgetIsRefusedWithRetryAfterAndOthersAreNot() {
        String flooder = newCaller();
        // dearer than a whole budget: refused, and the budget is spent
        JsonPath huge = GraphQL.query(flooder, "{ contacts(first: 1000000) { nodes { id } } }");
        assertEquals("rate-limited", huge.getString("errors[0].extensions.code"), huge::prettify);
        assertTrue(huge.getString("errors[0].message").contains("more than a whole budget"), huge::prettify);
        assertEquals(0, Stubs.contacts.calls().size(), "nothing ran");

        // the budget refills at 20,000 a minute (333 a second): a 2,001-point query does not fit for about 6 s
        Response refused = given().contentType("application/json").header("Authorization", "Bearer " + flooder)
                .body(Map.of("query", "{ contacts(first: 10000) { nodes { id } } }")).post("/graphql");
        JsonPath answer = refused.then().statusCode(200).extract().jsonPath();
        assertEquals("rate-limited", answer.getString("errors[0].extensions.code"), answer::prettify);
        int retryAfter = answer.getInt("errors[0].extensions.retryAfter");
        assertTrue(retryAfter >= 1 && retryAfter <= 7, answer::prettify);
        assertEquals(2001, answer.getInt("extensions.cost.requested"), answer::prettify);
        assertEquals(String.valueOf(retryAfter), refused.getHeader("Retry-After"));
        assertNotNull(answer.get("extensions.cost"), answer::prettify);

        JsonPath other = GraphQL.query(newCaller(), "{ __typename }");
        assertEquals("Query", other.getString("data.__typename"), other::prettify);
    }

    @Test
    void documentsThatDoNotParseAreChargedByLength() {
        String flooder = newCaller();
        String broken = "{ " + "a: __typename ".repeat(3000); // 42,000 characters, never closed: 657 points each
        int limited = 0;
        for (int i = 0; i < 40 && limited == 0; i++) {
            JsonPath answer = GraphQL.query(flooder, broken);
            limited += "rate-limited".equals(answer.getString("errors[0].extensions.code")) ? 1 : 0;
        }
        assertEquals(1, limited, "a caller sending only unparseable documents runs out of budget");
    }

    @Test
    void aThousandAliasFloodSpendsTheFloodersBudgetAndIsThenRefusedUnread() {
        StringBuilder flood = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            flood.append(" a").append(i).append(": __typename");
        }
        String document = flood.append(" }").toString();
        String flooder = newCaller();
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            String code = GraphQL.query(flooder, document).getString("errors[0].extensions.code");
            if ("rate-limited".equals(code)) {
                limited++;
            } else {
                assertEquals("limit-exceeded", code);
            }
        }
        // 1,000 points each: 20 fit in the budget (refused for their aliases), the rest are refused on cost
        assertTrue(limited >= 3, "rate-limited " + limited + " of 25");
        assertEquals("Query", GraphQL.query(newCaller(), "{ __typename }").getString("data.__typename"));
    }
}

package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.rapport.gateway.testing.GraphQL;
import io.restassured.path.json.JsonPath;

/**
 * What the end-to-end scenarios share: real tokens, GraphQL calls that must succeed, purposes every scenario needs,
 * and polling for what travels asynchronously (contacts-service's outbox to consent-service). Every scenario class runs
 * with {@link EndToEndTest.RealSuiteProfile}, so Quarkus starts the application, Keycloak and the services once for all.
 */
final class Suite {
    private Suite() {
    }

    private static final Map<String, Timed> TOKENS = new ConcurrentHashMap<>();

    private record Timed(String token, long at) {
    }

    /** A real token for a demo user; fresh enough for the next calls (tokens live 5 minutes, a slow machine is slow). */
    static String token(String user) {
        return TOKENS.compute(user, (u, t) -> t != null && System.nanoTime() - t.at() < 60_000_000_000L ? t
                : new Timed(EndToEndTest.token(u), System.nanoTime())).token();
    }

    /** Points the demo user "contact" at this contact; its next token carries the new contact_id. */
    static void linkContactUser(String contactId) {
        EndToEndTest.linkDemoContactUser(contactId);
        TOKENS.remove("contact");
    }

    /** The partner client (client credentials): role integration. */
    static String integrationToken() {
        return TOKENS.compute("partner", (u, t) -> t != null && System.nanoTime() - t.at() < 60_000_000_000L ? t
                : new Timed(partnerToken(), System.nanoTime())).token();
    }

    private static String partnerToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", "partner",
                        "client_secret", "partner-local-secret"))
                .post(RealSuite.keycloakUrl + "/realms/rapport/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String tokenFor(String role) {
        return "integration".equals(role) ? integrationToken() : token(role);
    }

    /** A GraphQL call that must answer without errors. */
    static JsonPath ok(String token, String document, Map<String, Object> variables) {
        JsonPath answer = GraphQL.query(token, document, variables);
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    static JsonPath ok(String token, String document) {
        return ok(token, document, Map.of());
    }

    /**
     * An idempotent call (an idempotencyKey, or a write the service repeats safely) asked again while its service times
     * out: on a busy machine a cold first call can take longer than the gateway waits.
     */
    static JsonPath okRetrying(Supplier<String> token, String document, Map<String, Object> variables) throws InterruptedException {
        JsonPath answer = GraphQL.query(token.get(), document, variables);
        for (int attempt = 0; attempt < 4 && answer.get("errors") != null
                && "service-unavailable".equals(answer.getString("errors[0].extensions.code")); attempt++) {
            Thread.sleep(3000);
            answer = GraphQL.query(token.get(), document, variables);
        }
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    /** A contact with an e-mail it gave on a webinar form, created by an agent. */
    static String createContact(String familyName) throws InterruptedException {
        return okRetrying(() -> token("agent"), """
                mutation($name: String, $key: String) { createContact(idempotencyKey: $key, input: {givenName: "Ada",
                  familyName: $name, contactPoints: [{channel: EMAIL, address: "ada@example.com", context: PERSONAL,
                  provenance: {kind: PROVIDED_BY_CONTACT, source: "webinar-signup"}}]}) { id } }""",
                Map.of("name", familyName, "key", java.util.UUID.randomUUID().toString())).getString("data.createContact.id");
    }

    /** Creates the purpose unless an earlier scenario did (a conflict is then expected). */
    static void purpose(String code, String lawfulBasis) {
        JsonPath answer = GraphQL.query(token("admin"), """
                mutation($code: String!, $basis: LawfulBasis) { createPurpose(input: {code: $code, description: $code,
                    lawfulBasis: $basis}) { code } }""", Map.of("code", code, "basis", lawfulBasis));
        if (answer.get("errors") != null && !"conflict".equals(answer.getString("errors[0].extensions.code"))) {
            throw new AssertionError(answer.prettify());
        }
    }

    /** Asks until the answer satisfies the condition (or the deadline passes, then returns the last answer). */
    static JsonPath await(Duration limit, Supplier<JsonPath> ask, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonPath last = ask.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = ask.get();
        }
        return last;
    }
}

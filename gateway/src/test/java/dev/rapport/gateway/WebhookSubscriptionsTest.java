package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscriptions through GraphQL: event types travel as contacts-service's dotted names, the secret comes back
 * only from registration, the delivery log is a connection, a refused URL is invalid-input naming the field, admins only.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class WebhookSubscriptionsTest {
    static final String ADMIN = Tokens.forRoles("ada", "admin");
    static final String SUB = "0193a5f2-7c1e-7b44-9d52-1f0a0c3e8e21";
    static final String SUBSCRIPTION = "{\"id\":\"" + SUB + "\",\"url\":\"https://partner.example.com/hooks\","
            + "\"eventTypes\":[\"contact.created\",\"import.completed\"],\"status\":\"ACTIVE\",\"createdAt\":\"2026-12-06T00:00:00Z\","
            + "\"createdBy\":\"ada\",\"updatedAt\":\"2026-12-06T00:00:00Z\"";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
        Stubs.contacts.on("POST", "/webhook-subscriptions", r -> r.body().contains("http://")
                ? StubService.Answer.problem(400, "invalid-request", "url: must use https", "url")
                : new StubService.Answer(201, "application/json", SUBSCRIPTION + ",\"secret\":\"whsec_c2VjcmV0\"}"));
        Stubs.contacts.on("GET", "/webhook-subscriptions", r -> StubService.Answer.json("[" + SUBSCRIPTION + "}]"));
        Stubs.contacts.on("POST", "/webhook-subscriptions/([^/]+)/pause",
                r -> StubService.Answer.json(SUBSCRIPTION.replace("ACTIVE", "PAUSED") + "}"));
        Stubs.contacts.on("POST", "/webhook-subscriptions/([^/]+)/replay", r -> StubService.Answer.json("{\"scheduled\":7}"));
        Stubs.contacts.on("GET", "/webhook-subscriptions/([^/]+)/deliveries", r -> StubService.Answer.json("{\"items\":[{"
                + "\"id\":\"d1\",\"subscriptionId\":\"" + SUB + "\",\"eventId\":\"e1\",\"eventType\":\"contact.created\","
                + "\"contactId\":\"c1\",\"occurredAt\":\"2026-12-06T00:00:01Z\",\"status\":\"DELIVERED\",\"attempts\":2,"
                + "\"lastStatusCode\":200,\"replay\":false,\"attemptLog\":[{\"attemptedAt\":\"2026-12-06T00:00:02Z\","
                + "\"statusCode\":500,\"latencyMillis\":12,\"error\":\"HTTP 500\"},{\"attemptedAt\":\"2026-12-06T00:00:08Z\","
                + "\"statusCode\":200,\"latencyMillis\":9}]}],\"next\":\"n1\",\"cursors\":[\"n1\"]}"));
    }

    @Test
    void registerShowsTheSecretOnceAndListsWithoutIt() {
        JsonPath answer = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "https://partner.example.com/hooks",
                    eventTypes: [CONTACT_CREATED, IMPORT_COMPLETED]}) { secret subscription { id status eventTypes } } }""");
        assertEquals("whsec_c2VjcmV0", answer.getString("data.registerWebhookSubscription.secret"), answer::prettify);
        assertEquals(List.of("CONTACT_CREATED", "IMPORT_COMPLETED"),
                answer.getList("data.registerWebhookSubscription.subscription.eventTypes"));
        StubService.Call call = Stubs.contacts.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(call.body().contains("[\"contact.created\",\"import.completed\"]"), call.body());

        JsonPath list = GraphQL.query(ADMIN, "{ webhookSubscriptions { id url status failingSince } }");
        assertEquals(SUB, list.getString("data.webhookSubscriptions[0].id"), list::prettify);
        assertEquals("PAUSED", GraphQL.query(ADMIN, "mutation { pauseWebhookSubscription(id: \"" + SUB + "\") { status } }")
                .getString("data.pauseWebhookSubscription.status"));
        assertEquals(7, GraphQL.query(ADMIN, "mutation { replayWebhookSubscription(id: \"" + SUB
                + "\", from: \"2026-12-05T00:00:00Z\") }").getInt("data.replayWebhookSubscription"));
        assertTrue(Stubs.contacts.calls().stream().anyMatch(c -> c.path().endsWith("/replay")
                && c.body().contains("2026-12-05T00:00:00Z")));
    }

    @Test
    void theDeliveryLogIsAConnectionWithEveryAttempt() {
        JsonPath answer = GraphQL.query(ADMIN, "{ webhookDeliveries(subscriptionId: \"" + SUB + "\", status: DELIVERED, first: 10) {"
                + " nodes { eventType status attempts attemptLog { statusCode latencyMillis error } } pageInfo { hasNextPage endCursor } } }");
        assertEquals("CONTACT_CREATED", answer.getString("data.webhookDeliveries.nodes[0].eventType"), answer::prettify);
        assertEquals(500, answer.getInt("data.webhookDeliveries.nodes[0].attemptLog[0].statusCode"));
        assertEquals("HTTP 500", answer.getString("data.webhookDeliveries.nodes[0].attemptLog[0].error"));
        assertEquals(true, answer.getBoolean("data.webhookDeliveries.pageInfo.hasNextPage"));
        StubService.Call call = Stubs.contacts.calls().stream().filter(c -> c.path().endsWith("/deliveries")).findFirst().orElseThrow();
        assertTrue(call.query().contains("status=DELIVERED") && call.query().contains("limit=10"), call.query());
    }

    @Test
    void aRefusedUrlNamesTheFieldAndOtherRolesAreForbidden() {
        JsonPath refused = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "http://partner.example.com/hooks",
                    eventTypes: [CONTACT_CREATED]}) { secret } }""");
        assertEquals("invalid-input", refused.getString("errors[0].extensions.code"), refused::prettify);
        assertEquals("url", refused.getString("errors[0].extensions.problem.errors[0].field"));

        JsonPath forbidden = GraphQL.query(Tokens.forRoles("mia", "marketer"), "{ webhookSubscriptions { id } }");
        assertEquals("forbidden", forbidden.getString("errors[0].extensions.code"), forbidden::prettify);
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.method().equals("GET") && c.path().equals("/webhook-subscriptions")));
    }
}

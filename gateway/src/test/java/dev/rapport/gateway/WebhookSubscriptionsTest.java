package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.gateway.clients.webhooks.WebhooksClient;
import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.gateway.webhook.WebhookService;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscriptions through GraphQL: event types travel as the services' dotted names, a registration with types of
 * several services is one subscription in each with one secret (undone when one of them refuses), a subscription is
 * found in the service that keeps it, the delivery log is a connection, bad input is invalid-input naming the field,
 * admins only.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class WebhookSubscriptionsTest {
    static final String ADMIN = Tokens.forRoles("ada", "admin");
    static final String SUB = "0193a5f2-7c1e-7b44-9d52-1f0a0c3e8e21";
    static final String SUBSCRIPTION = "{\"id\":\"" + SUB + "\",\"url\":\"https://partner.example.com/hooks\","
            + "\"eventTypes\":[\"contact.created\",\"import.completed\"],\"status\":\"ACTIVE\",\"createdAt\":\"2026-12-06T00:00:00Z\","
            + "\"createdBy\":\"ada\",\"updatedAt\":\"2026-12-06T00:00:00Z\"";

    static final String CONSENT_SUB = "0193a5f2-7c1e-7b44-9d52-1f0a0c3e8e22";
    static final String FEEDBACK_SUB = "0193a5f2-7c1e-7b44-9d52-1f0a0c3e8e23";

    @Inject
    CircuitBreakerMaintenance breakers;

    /** A subscription as consent-service or feedback-service answers it. */
    static String other(String id, String type, String createdAt) {
        return "{\"id\":\"" + id + "\",\"url\":\"https://partner.example.com/hooks\",\"eventTypes\":[\"" + type + "\"],"
                + "\"status\":\"ACTIVE\",\"createdAt\":\"" + createdAt + "\",\"createdBy\":\"ada\",\"updatedAt\":\"" + createdAt + "\"}";
    }

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
        Stubs.contacts.on("POST", "/webhook-subscriptions", r -> r.body().contains("http://")
                ? StubService.Answer.problem(400, "invalid-request", "url: must use https", "url")
                : new StubService.Answer(201, "application/json", SUBSCRIPTION + ",\"secret\":\"whsec_c2VjcmV0\"}"));
        Stubs.contacts.on("GET", "/webhook-subscriptions", r -> StubService.Answer.json("[" + SUBSCRIPTION + "}]"));
        Stubs.contacts.on("GET", "/webhook-subscriptions/" + SUB, r -> StubService.Answer.json(SUBSCRIPTION + "}"));
        Stubs.contacts.on("DELETE", "/webhook-subscriptions/([^/]+)", r -> new StubService.Answer(204, "application/json", ""));
        Stubs.consent.on("GET", "/webhook-subscriptions", r -> StubService.Answer.json("[" + other(CONSENT_SUB, "consent.changed",
                "2026-12-05T00:00:00Z") + "]"));
        Stubs.consent.on("GET", "/webhook-subscriptions/" + CONSENT_SUB, r -> StubService.Answer.json(other(CONSENT_SUB,
                "consent.changed", "2026-12-05T00:00:00Z")));
        Stubs.consent.on("POST", "/webhook-subscriptions/" + CONSENT_SUB + "/pause", r -> StubService.Answer.json(
                other(CONSENT_SUB, "consent.changed", "2026-12-05T00:00:00Z").replace("ACTIVE", "PAUSED")));
        Stubs.consent.on("DELETE", "/webhook-subscriptions/([^/]+)", r -> new StubService.Answer(204, "application/json", ""));
        Stubs.feedback.on("GET", "/webhook-subscriptions", r -> StubService.Answer.json("[]"));
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
                    eventTypes: [CONTACT_CREATED, IMPORT_COMPLETED]}) { secret subscriptions { id service status eventTypes } } }""");
        assertEquals("whsec_c2VjcmV0", answer.getString("data.registerWebhookSubscription.secret"), answer::prettify);
        assertEquals(List.of("CONTACTS"), answer.getList("data.registerWebhookSubscription.subscriptions.service"));
        assertEquals(List.of("CONTACT_CREATED", "IMPORT_COMPLETED"),
                answer.getList("data.registerWebhookSubscription.subscriptions[0].eventTypes"));
        assertTrue(Stubs.consent.calls().stream().noneMatch(c -> c.method().equals("POST")), "consent-service has none of these");
        StubService.Call call = Stubs.contacts.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(call.body().contains("[\"contact.created\",\"import.completed\"]"), call.body());

        JsonPath list = GraphQL.query(ADMIN, "{ webhookSubscriptions { id service url status failingSince } }");
        assertEquals(List.of(CONSENT_SUB, SUB), list.getList("data.webhookSubscriptions.id"), list::prettify);
        assertEquals(List.of("CONSENT", "CONTACTS"), list.getList("data.webhookSubscriptions.service"), "oldest first, from every service");
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

    @Test
    void oneRegistrationWithTypesOfThreeServicesIsOneSubscriptionInEachWithOneSecret() {
        Stubs.consent.on("POST", "/webhook-subscriptions", r -> new StubService.Answer(201, "application/json",
                other(CONSENT_SUB, "consent.changed", "2026-12-06T00:00:01Z").replace("}", ",\"secret\":\"whsec_c2VjcmV0\"}")));
        Stubs.feedback.on("POST", "/webhook-subscriptions", r -> new StubService.Answer(201, "application/json",
                other(FEEDBACK_SUB, "case.confirmed", "2026-12-06T00:00:02Z").replace("}", ",\"secret\":\"whsec_c2VjcmV0\"}")));
        JsonPath answer = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "https://partner.example.com/hooks",
                    eventTypes: [CASE_CONFIRMED, CONSENT_CHANGED, CONTACT_CREATED, OUTREACH_DECIDED]}) {
                    secret subscriptions { id service } } }""");
        assertEquals("whsec_c2VjcmV0", answer.getString("data.registerWebhookSubscription.secret"), answer::prettify);
        assertEquals(List.of("CONTACTS", "CONSENT", "FEEDBACK"), answer.getList("data.registerWebhookSubscription.subscriptions.service"));
        assertEquals(List.of(SUB, CONSENT_SUB, FEEDBACK_SUB), answer.getList("data.registerWebhookSubscription.subscriptions.id"));
        String toContacts = post(Stubs.contacts).body();
        String toConsent = post(Stubs.consent).body();
        String toFeedback = post(Stubs.feedback).body();
        assertTrue(toContacts.contains("\"eventTypes\":[\"contact.created\"]") && toContacts.contains("\"secret\":null"), toContacts);
        assertTrue(toConsent.contains("\"eventTypes\":[\"consent.changed\",\"outreach.decided\"]"), toConsent);
        assertTrue(toConsent.contains("\"secret\":\"whsec_c2VjcmV0\""), "the first service's secret goes to the others: " + toConsent);
        assertTrue(toFeedback.contains("\"eventTypes\":[\"case.confirmed\"]") && toFeedback.contains("whsec_c2VjcmV0"), toFeedback);
    }

    @Test
    void whenALaterServiceRefusesTheEarlierSubscriptionsAreDeletedAndTheErrorNamesTheService() {
        Stubs.consent.on("POST", "/webhook-subscriptions", r -> new StubService.Answer(201, "application/json",
                other(CONSENT_SUB, "consent.changed", "2026-12-06T00:00:01Z").replace("}", ",\"secret\":\"whsec_c2VjcmV0\"}")));
        Stubs.feedback.on("POST", "/webhook-subscriptions", r -> new StubService.Answer(503, "text/plain", "down"));
        JsonPath answer = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "https://partner.example.com/hooks",
                    eventTypes: [CONTACT_CREATED, CONSENT_CHANGED, RESPONSE_RECEIVED]}) { secret } }""");
        assertEquals("service-unavailable", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("feedback-service", answer.getString("errors[0].extensions.problem.service"), answer::prettify);
        assertTrue(Stubs.contacts.calls().stream().anyMatch(c -> c.method().equals("DELETE") && c.path().endsWith(SUB)));
        assertTrue(Stubs.consent.calls().stream().anyMatch(c -> c.method().equals("DELETE") && c.path().endsWith(CONSENT_SUB)));
    }

    @Test
    void aSubscriptionIsFoundInTheServiceThatKeepsIt() {
        JsonPath paused = GraphQL.query(ADMIN, "mutation { pauseWebhookSubscription(id: \"" + CONSENT_SUB + "\") { id service status } }");
        assertEquals("CONSENT", paused.getString("data.pauseWebhookSubscription.service"), paused::prettify);
        assertEquals("PAUSED", paused.getString("data.pauseWebhookSubscription.status"));
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().endsWith("/pause")), "only the keeper is written to");

        JsonPath unknown = GraphQL.query(ADMIN, "mutation { resumeWebhookSubscription(id: \"0193a5f2-7c1e-7b44-9d52-1f0a0c3e8e99\") { id } }");
        assertEquals("not-found", unknown.getString("errors[0].extensions.code"), unknown::prettify);
        assertEquals("id", unknown.getString("errors[0].extensions.problem.errors[0].field"), unknown::prettify);
        JsonPath malformed = GraphQL.query(ADMIN, "{ webhookDeliveries(subscriptionId: \"nope\") { totalCount } }");
        assertEquals("invalid-input", malformed.getString("errors[0].extensions.code"), malformed::prettify);
        assertEquals("subscriptionId", malformed.getString("errors[0].extensions.problem.errors[0].field"), malformed::prettify);
        JsonPath noTypes = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "https://partner.example.com/hooks", eventTypes: []}) { secret } }""");
        assertEquals("invalid-input", noTypes.getString("errors[0].extensions.code"), noTypes::prettify);
        assertEquals("eventTypes", noTypes.getString("errors[0].extensions.problem.errors[0].field"), noTypes::prettify);
        JsonPath aNull = GraphQL.query(ADMIN, """
                mutation { registerWebhookSubscription(input: {url: "https://partner.example.com/hooks",
                    eventTypes: [CONTACT_CREATED, null]}) { secret } }""");
        assertEquals("eventTypes", aNull.getString("errors[0].extensions.problem.errors[0].field"), aNull::prettify);
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.method().equals("POST")), "nothing registered on bad input");
    }

    @Test
    void aServiceThatIsDownLeavesTheOthersSubscriptionsListedWithAnErrorNamingIt() {
        Stubs.feedback.failing();
        JsonPath answer = GraphQL.query(ADMIN, "{ webhookSubscriptions { id service } }");
        assertEquals(List.of(CONSENT_SUB, SUB), answer.getList("data.webhookSubscriptions.id"), answer::prettify);
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals("service-unavailable", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("feedback-service", answer.getString("errors[0].extensions.problem.service"), answer::prettify);
        assertEquals(List.of("webhookSubscriptions"), answer.getList("errors[0].path"), answer::prettify);

        Stubs.consent.failing();
        JsonPath twoDown = GraphQL.query(ADMIN, "{ webhookSubscriptions { id service } }");
        assertEquals(List.of(SUB), twoDown.getList("data.webhookSubscriptions.id"), twoDown::prettify);
        assertEquals("consent-service, feedback-service", twoDown.getString("errors[0].extensions.problem.service"),
                twoDown::prettify);
    }

    @Test
    void oneServicesFailuresOpenOnlyItsOwnBreaker() {
        Stubs.consent.failing();
        for (int i = 0; i < 6 && breakers.currentState(WebhooksClient.breakerName(WebhookService.CONSENT)) != CircuitBreakerState.OPEN; i++) {
            GraphQL.query(ADMIN, "{ webhookSubscriptions { id } }");
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(WebhooksClient.breakerName(WebhookService.CONSENT)));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(WebhooksClient.breakerName(WebhookService.CONTACTS)));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(WebhooksClient.breakerName(WebhookService.FEEDBACK)));

        int consentCalls = Stubs.consent.calls().size();
        JsonPath list = GraphQL.query(ADMIN, "{ webhookSubscriptions { id service } }");
        assertEquals(List.of(SUB), list.getList("data.webhookSubscriptions.id"), list::prettify);
        assertEquals("consent-service", list.getString("errors[0].extensions.problem.service"), list::prettify);
        JsonPath log = GraphQL.query(ADMIN, "{ webhookDeliveries(subscriptionId: \"" + SUB + "\", first: 10) { nodes { status } } }");
        assertEquals(List.of("DELIVERED"), log.getList("data.webhookDeliveries.nodes.status"), log::prettify);
        Object errors = log.get("errors");
        assertNull(errors, log::prettify);
        assertEquals(consentCalls, Stubs.consent.calls().size(), "consent-service's open breaker sends it nothing");
    }

    private static StubService.Call post(StubService stub) {
        return stub.calls().stream().filter(c -> c.method().equals("POST") && c.path().equals("/webhook-subscriptions"))
                .findFirst().orElseThrow(() -> new AssertionError(stub.name() + " got no registration"));
    }
}

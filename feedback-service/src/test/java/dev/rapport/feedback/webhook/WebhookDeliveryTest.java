package dev.rapport.feedback.webhook;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.token;
import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.feedback.consultation.Fixtures;
import dev.rapport.devstack.testing.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * feedback-service's partner webhooks end to end: case.confirmed and case.reopened written with the customer's answer,
 * response.received with a consultation response (an anonymous one names nobody), sent by the dispatcher to a local
 * receiver that verifies every Standard Webhooks signature as a partner would.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private String subscription;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        if (subscription != null) {
            as("admin").delete("/webhook-subscriptions/" + subscription);
        }
        receiver.close();
    }

    private void subscribe(String... types) {
        JsonPath answer = as("admin").body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
                .post("/webhook-subscriptions").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("secret", containsString("whsec_")).extract().jsonPath();
        subscription = answer.getString("id");
        receiver.secret(answer.getString("secret"));
    }

    private List<WebhookReceiver.Received> verified(java.util.function.Predicate<JsonNode> which, int atLeast) {
        await().atMost(WAIT).until(() -> receiver.all().stream().filter(r -> r.verified() && which.test(r.json())).count() >= atLeast);
        return receiver.all().stream().filter(r -> r.verified() && which.test(r.json())).toList();
    }

    private static String resolvedCase(UUID contact) {
        String id = agent().body("{\"contactId\":\"" + contact + "\",\"problem\":\"The heating is cold\",\"channel\":\"PHONE\"}")
                .post("/cases").then().statusCode(201).extract().path("id");
        agent().body("{\"note\":\"Fixed the valve\",\"onFirstContact\":true}").post("/cases/" + id + "/resolution")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        return id;
    }

    @Test
    void aConfirmedCaseAndAReopenedOneArriveSignedInOrderWithoutTheProblemsWords() {
        subscribe(FeedbackEvents.CASE_CONFIRMED, FeedbackEvents.CASE_REOPENED);
        UUID person = UUID.randomUUID();
        String first = resolvedCase(person);
        contact(person).body("{\"outcome\":\"NOT_RESOLVED\",\"comment\":\"still cold\"}").post("/cases/" + first + "/confirmation")
                .then().statusCode(200);
        agent().body("{\"note\":\"Replaced the valve\"}").post("/cases/" + first + "/resolution").then().statusCode(200);
        contact(person).body("{\"outcome\":\"CONFIRMED\",\"comment\":\"warm at last\"}").post("/cases/" + first + "/confirmation")
                .then().statusCode(200);

        List<WebhookReceiver.Received> got = verified(e -> e.path("data").path("contactId").asText().equals(person.toString()), 2);
        assertEquals(List.of("case.reopened", "case.confirmed"), got.stream().map(WebhookReceiver.Received::type).toList());
        JsonNode reopened = got.get(0).json().path("data");
        assertEquals(first, reopened.path("caseId").asText());
        assertEquals("NOT_RESOLVED", reopened.path("cause").asText());
        assertEquals(1, reopened.path("reopenCount").asInt());
        JsonNode confirmed = got.get(1).json().path("data");
        assertEquals(first, confirmed.path("caseId").asText());
        assertFalse(confirmed.path("confirmedAt").isMissingNode());
        assertFalse(confirmed.path("resolvedOnFirstContact").asBoolean(), "a reopened case was not resolved on first contact");
        for (WebhookReceiver.Received r : got) {
            for (String words : List.of("heating", "valve", "still cold", "warm at last")) {
                assertFalse(r.body().contains(words), "free text in a webhook: " + r.body());
            }
        }
    }

    @Test
    void aResponseArrivesWithItsContactAndAnAnonymousOneNamesNobody() {
        subscribe(FeedbackEvents.RESPONSE_RECEIVED);
        Fixtures.Consultation c = openConsultation(2);
        UUID named = UUID.randomUUID();
        UUID shy = UUID.randomUUID();
        List<String> inv = invite(c.id(), Map.of("region", "north"), named, shy);
        String namedResponse = contact(named).body("{\"invitationId\":\"" + inv.get(0) + "\",\"ratings\":[{\"initiativeId\":\""
                        + c.initiative(1) + "\",\"bucket\":\"ESSENTIAL\",\"comment\":\"More buses\"}]}")
                .post("/responses").then().statusCode(201).extract().path("id");
        String anonymousResponse = as("integration").body("{\"invitationToken\":\"" + token(inv.get(1)) + "\",\"anonymous\":true,"
                        + "\"ratings\":[{\"initiativeId\":\"" + c.initiative(2) + "\",\"bucket\":\"IMPORTANT\","
                        + "\"comment\":\"Please, quietly\"}]}")
                .post("/responses").then().statusCode(201).extract().path("id");

        List<WebhookReceiver.Received> got = verified(e -> e.path("data").path("consultationId").asText().equals(c.id()), 2);
        JsonNode first = got.stream().map(WebhookReceiver.Received::json)
                .filter(e -> e.path("data").path("responseId").asText().equals(namedResponse)).findFirst().orElseThrow().path("data");
        assertEquals("response.received", got.get(0).type());
        assertEquals(named.toString(), first.path("contactId").asText());
        assertEquals(inv.get(0), first.path("invitationId").asText());
        assertFalse(first.path("anonymous").asBoolean());
        assertEquals(1, first.path("ratings").asInt());
        WebhookReceiver.Received anonymous = got.stream()
                .filter(r -> r.json().path("data").path("anonymous").asBoolean()).findFirst().orElseThrow();
        assertEquals(1, anonymous.json().path("data").path("ratings").asInt());
        for (String field : List.of("contactId", "invitationId", "responseId", "submittedAt")) {
            assertTrue(anonymous.json().path("data").path(field).isMissingNode(), field + " in " + anonymous.body());
        }
        for (String trace : List.of(shy.toString(), inv.get(1), anonymousResponse, "quietly")) {
            assertFalse(anonymous.body().contains(trace), "an anonymous response's webhook names its author: " + anonymous.body());
        }
        assertFalse(got.stream().anyMatch(r -> r.body().contains("More buses")), "a comment in a webhook");
    }

    @Test
    void onlyAdminsManageSubscriptionsAndUnknownTypesAreNamed() {
        agent().get("/webhook-subscriptions").then().statusCode(403);
        as("admin").body(Map.of("url", receiver.url(), "eventTypes", List.of("consent.changed")))
                .post("/webhook-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"))
                .body("errors[0].message", containsString("case.confirmed, case.reopened, response.received"));
    }
}

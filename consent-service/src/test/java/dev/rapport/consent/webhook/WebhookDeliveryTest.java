package dev.rapport.consent.webhook;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.admin;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.purpose;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.WebhookReceiver;
import dev.rapport.platform.webhooks.StandardWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * consent-service's partner webhooks end to end: registered through REST, consent.changed written with each ledger
 * event (grant, withdraw, unsubscribe link, erasure) and outreach.decided with each decided request (single and bulk),
 * sent by the dispatcher to a local receiver that verifies every Standard Webhooks signature as a partner would; and
 * platform's secret rotation and pruning, seen from this service.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private String subscription;
    private String receiverSecret;

    @Inject
    Pool pool;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        if (subscription != null) {
            admin().delete("/webhook-subscriptions/" + subscription);
        }
        receiver.close();
    }

    private void subscribe(String... types) {
        JsonPath answer = admin().body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
                .post("/webhook-subscriptions").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("secret", containsString("whsec_")).extract().jsonPath();
        subscription = answer.getString("id");
        receiverSecret = answer.getString("secret");
        receiver.secret(receiverSecret);
    }

    private List<JsonNode> eventsOf(UUID contactId, int atLeast) {
        await().atMost(WAIT).until(() -> verifiedFor(contactId).size() >= atLeast);
        List<JsonNode> out = new ArrayList<>();
        verifiedFor(contactId).forEach(r -> out.add(r.json()));
        return out;
    }

    private List<WebhookReceiver.Received> verifiedFor(UUID contactId) {
        return receiver.all().stream().filter(r -> r.verified() && r.contactId().equals(contactId.toString())).toList();
    }

    private static String grant(UUID contactId, String purpose, String channel) {
        return as("agent").body("{\"kind\":\"GRANT\",\"purpose\":\"" + purpose + "\",\"channel\":\"" + channel
                        + "\",\"source\":\"WEB_FORM\",\"evidence\":{\"formId\":\"signup-v1\",\"note\":\"said yes at the desk\","
                        + "\"ipAddress\":\"203.0.113.9\",\"userAgent\":\"Firefox\"}}")
                .post("/contacts/" + contactId + "/consent-events").then().statusCode(201).extract().path("id");
    }

    private static String outreach(UUID contactId, String purpose) {
        return as("marketer").body("{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose
                        + "\",\"channel\":\"EMAIL\",\"campaign\":\"spring\"}")
                .post("/outreach/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void aGrantAnOutreachDecisionAndAnUnsubscribeArriveSignedInOrderWithoutPersonalData() {
        subscribe(ConsentEvents.CONSENT_CHANGED, ConsentEvents.OUTREACH_DECIDED);
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String address = "ada-" + ada + "@example.org";
        UUID point = addPoint(ada, "EMAIL", address, "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        String granted = grant(ada, newsletter, "EMAIL");
        String allowed = outreach(ada, newsletter);
        integration().body("{}").post("/outreach/deliveries/" + allowed + "/unsubscribe").then().statusCode(201);
        String denied = outreach(ada, newsletter);

        List<JsonNode> got = eventsOf(ada, 4);
        assertEquals(List.of("consent.changed", "outreach.decided", "consent.changed", "outreach.decided"),
                got.stream().map(e -> e.path("type").asText()).toList(), "in the order they happened");
        JsonNode grant = got.get(0).path("data");
        assertEquals(granted, grant.path("ledgerEventId").asText());
        assertEquals("GRANT", grant.path("kind").asText());
        assertEquals(newsletter, grant.path("purpose").asText());
        assertEquals("EMAIL", grant.path("channel").asText());
        assertEquals("WEB_FORM", grant.path("source").asText());
        JsonNode yes = got.get(1).path("data");
        assertEquals(allowed, yes.path("outreachId").asText());
        assertTrue(yes.path("allowed").asBoolean(), yes.toString());
        assertEquals("QUEUED", yes.path("status").asText());
        assertEquals(point.toString(), yes.path("contactPointId").asText());
        assertEquals(0, yes.path("reasons").size());
        JsonNode unsubscribed = got.get(2).path("data");
        assertEquals("WITHDRAW", unsubscribed.path("kind").asText());
        assertEquals("UNSUBSCRIBE_LINK", unsubscribed.path("source").asText());
        JsonNode no = got.get(3).path("data");
        assertEquals(denied, no.path("outreachId").asText());
        assertFalse(no.path("allowed").asBoolean());
        assertEquals("DENIED", no.path("status").asText());
        assertEquals("withdrawn", no.path("reasons").path(0).asText(), no.toString());
        for (WebhookReceiver.Received r : verifiedFor(ada)) {
            for (String personal : List.of(address, "said yes", "203.0.113.9", "Firefox")) {
                assertFalse(r.body().contains(personal), "personal data in a webhook: " + r.body());
            }
        }
    }

    @Test
    void bulkOutreachAnnouncesEveryDecisionAndErasureAnnouncesThatNoConsentHolds() {
        subscribe(ConsentEvents.CONSENT_CHANGED, ConsentEvents.OUTREACH_DECIDED);
        String survey = purpose("survey", "CONSENT");
        UUID bo = UUID.randomUUID();
        UUID cy = UUID.randomUUID();
        addPoint(bo, "EMAIL", "bo-" + bo + "@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        grant(bo, survey, "EMAIL");
        String lines = given().auth().oauth2(Tokens.forRoles("m", "marketer")).contentType("application/x-ndjson")
                .queryParam("purpose", survey).queryParam("channel", "EMAIL")
                .body((bo + "\n" + cy + "\n").getBytes()).post("/outreach/requests/bulk").then().statusCode(200).extract().asString();
        assertEquals(2, lines.lines().count(), lines);

        List<JsonNode> boEvents = eventsOf(bo, 2);
        assertEquals("outreach.decided", boEvents.get(1).path("type").asText());
        assertTrue(boEvents.get(1).path("data").path("allowed").asBoolean());
        JsonNode cyDecision = eventsOf(cy, 1).get(0).path("data");
        assertEquals("DENIED", cyDecision.path("status").asText());
        assertEquals("unknown-contact", cyDecision.path("reasons").path(0).asText());

        admin().post("/contacts/" + bo + "/erasure").then().statusCode(200);
        JsonNode erased = eventsOf(bo, 3).get(2);
        assertEquals("consent.changed", erased.path("type").asText());
        assertEquals("ERASURE", erased.path("data").path("kind").asText());
    }

    @Test
    void onlyAdminsManageSubscriptionsAndUnknownTypesAreNamed() {
        as("agent").get("/webhook-subscriptions").then().statusCode(403);
        as("marketer").body(Map.of("url", receiver.url(), "eventTypes", List.of("consent.changed")))
                .post("/webhook-subscriptions").then().statusCode(403);
        admin().body(Map.of("url", receiver.url(), "eventTypes", List.of("contact.created")))
                .post("/webhook-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"))
                .body("errors[0].message", containsString("consent.changed, outreach.decided"));
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneUntilTheOverlapEnds() {
        subscribe(ConsentEvents.CONSENT_CHANGED);
        String previous = receiverSecret;
        JsonPath rotated = admin().body("{}").post("/webhook-subscriptions/" + subscription + "/secret").then().statusCode(200)
                .body("secret", containsString("whsec_")).extract().jsonPath();
        String secret = rotated.getString("secret");
        assertFalse(secret.equals(previous));
        Instant until = Instant.parse(rotated.getString("previousSecretValidUntil"));
        assertTrue(until.isAfter(Instant.now().plus(Duration.ofHours(23))), "the default overlap is 24 h: " + until);
        admin().get("/webhook-subscriptions/" + subscription).then().body("secret", nullValue());
        receiver.secret(secret);
        String purpose = purpose("survey", "CONSENT");
        UUID dee = UUID.randomUUID();
        grant(dee, purpose, "EMAIL");
        WebhookReceiver.Received both = awaitOne(dee);
        assertEquals(2, both.signature().split(" ").length, both.signature());
        assertTrue(StandardWebhooks.verify(previous, both.id(), both.timestamp(), both.signature(), both.body(), Instant.now(),
                Duration.ofMinutes(5)), "a receiver still on the previous secret verifies during the overlap");

        pool.preparedQuery("update webhook_subscriptions set previous_secret_until = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(UUID.fromString(subscription))).await().indefinitely();
        UUID eve = UUID.randomUUID();
        grant(eve, purpose, "EMAIL");
        WebhookReceiver.Received one = awaitOne(eve);
        assertEquals(1, one.signature().split(" ").length, "after the overlap only the new secret signs: " + one.signature());
        admin().body(Map.of("secret", "whsec_short")).post("/webhook-subscriptions/" + subscription + "/secret").then()
                .statusCode(400).body("errors[0].field", equalTo("secret"));
        as("agent").body("{}").post("/webhook-subscriptions/" + subscription + "/secret").then().statusCode(403);
    }

    @Test
    void deliveriesAndEventsOlderThanTheRetentionArePrunedAndNothingPendingIs() {
        subscribe(ConsentEvents.CONSENT_CHANGED);
        String purpose = purpose("survey", "CONSENT");
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        grant(old, purpose, "EMAIL");
        grant(recent, purpose, "EMAIL");
        awaitOne(old);
        awaitOne(recent);
        await().atMost(WAIT).until(() -> count("select count(*) from webhook_deliveries where contact_id = any($1) and status = 'DELIVERED'",
                old, recent) == 2);
        admin().post("/webhook-subscriptions/" + subscription + "/pause").then().statusCode(200);
        UUID waiting = UUID.randomUUID();
        grant(waiting, purpose, "EMAIL");
        await().atMost(WAIT).until(() -> count("select count(*) from webhook_deliveries where contact_id = any($1)", waiting) == 1);
        // as if delivered 31 days ago (the retention is 30 days), and the waiting one created then too
        pool.preparedQuery("update webhook_deliveries set delivered_at = now() - interval '31 days', "
                        + "created_at = now() - interval '31 days' where contact_id = any($1)")
                .execute(Tuple.of(new UUID[] {old, waiting})).await().indefinitely();
        pool.preparedQuery("update outbox set delivered_at = now() - interval '31 days' where contact_id = any($1)")
                .execute(Tuple.of(new UUID[] {old})).await().indefinitely();

        await().atMost(WAIT).until(() -> count("select count(*) from webhook_deliveries where contact_id = any($1)", old) == 0);
        assertEquals(0, count("select count(*) from outbox where contact_id = any($1)", old), "the old event is pruned");
        assertEquals(0, count("select count(*) from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id "
                + "where d.contact_id = any($1)", old));
        assertEquals(1, count("select count(*) from webhook_deliveries where contact_id = any($1)", recent), "a recent one stays");
        assertEquals(1, count("select count(*) from outbox where contact_id = any($1)", recent));
        assertEquals(1, count("select count(*) from webhook_deliveries where contact_id = any($1) and status = 'PENDING'", waiting),
                "a pending delivery is never pruned, however old");
    }

    private long count(String sql, UUID... contactIds) {
        return pool.preparedQuery(sql).execute(Tuple.of(contactIds)).await().indefinitely().iterator().next().getLong(0);
    }

    private WebhookReceiver.Received awaitOne(UUID contactId) {
        await().atMost(WAIT).until(() -> !verifiedFor(contactId).isEmpty());
        return verifiedFor(contactId).get(0);
    }
}

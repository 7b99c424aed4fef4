package dev.rapport.contacts.webhook;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.WebhookReceiver;
import dev.rapport.devstack.testing.WebhookReceiver.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks end to end in contacts-service: registered through REST, events written with the change, sent by
 * the dispatcher to a local receiver that verifies each Standard Webhooks signature as a partner would.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

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
        JsonPath answer = as("admin").body(Map.of("url", receiver.url(), "eventTypes", List.of(types), "description", "test"))
                .post("/webhook-subscriptions").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("secret", containsString("whsec_")).extract().jsonPath();
        subscription = answer.getString("id");
        receiver.secret(answer.getString("secret"));
    }

    private static String newContact(String name) {
        return agent().body("""
                {"givenName":"%s","contactPoints":[{"channel":"EMAIL","address":"%s-%s@example.org","context":"WORK",
                 "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"form"}}]}""".formatted(name, name, UUID.randomUUID()))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    private static void rename(String contactId, String givenName) {
        long version = agent().get("/contacts/" + contactId).then().extract().jsonPath().getLong("version");
        agent().body(Map.of("givenName", givenName, "lifecycleStage", "LEAD", "version", version, "tags", List.of("vip")))
                .put("/contacts/" + contactId).then().statusCode(200);
    }

    private List<WebhookReceiver.Received> deliveredFor(String contactId) {
        return receiver.all().stream().filter(r -> r.verified() && r.contactId().equals(contactId)).toList();
    }

    @Test
    void eventsArriveSignedWithIdsAndFieldNamesButNoPersonalData() {
        subscribe("contact.created", "contact.updated");
        String contact = newContact("Ayo");
        rename(contact, "Ayodele");

        await().atMost(WAIT).until(() -> deliveredFor(contact).size() >= 2);
        List<WebhookReceiver.Received> got = deliveredFor(contact);
        assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified), "every request verifies against the secret");
        JsonNode created = got.get(0).json();
        assertEquals("contact.created", created.path("type").asText());
        assertEquals("PROSPECT", created.path("data").path("lifecycleStage").asText());
        assertTrue(Instant.parse(created.path("timestamp").asText()).isBefore(Instant.now()));
        JsonNode updated = got.get(1).json();
        assertEquals("contact.updated", updated.path("type").asText());
        assertEquals(Set.of("givenName", "displayName", "lifecycleStage", "tags"),
                Set.copyOf(toList(updated.path("data").path("changed"))));
        for (WebhookReceiver.Received r : got) {
            assertFalse(r.body().contains("Ayo"), "a name in a webhook: " + r.body());
            assertFalse(r.body().contains("@example.org"), "an address in a webhook: " + r.body());
        }
    }

    @Test
    void aReceiverAnswering500OrTimingOutIsRetriedAndTheLogShowsEachAttempt() {
        subscribe("contact.created");
        AtomicInteger calls = new AtomicInteger();
        receiver.behaviour = r -> switch (calls.incrementAndGet()) {
            case 1 -> Answer.status(500);
            case 2 -> new Answer(200, Duration.ofSeconds(3)); // past the 2 s request timeout of the test profile
            default -> Answer.status(200);
        };
        String contact = newContact("Retry");

        await().atMost(WAIT).until(() -> deliveredFor(contact).size() >= 3);
        await().atMost(WAIT).untilAsserted(() -> as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).body("items[0].status", equalTo("DELIVERED")));
        JsonPath log = as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries").then().extract().jsonPath();
        assertEquals(contact, log.getString("items[0].contactId"));
        assertEquals(3, log.getInt("items[0].attempts"));
        assertEquals(500, log.getInt("items[0].attemptLog[0].statusCode"));
        assertEquals("HTTP 500", log.getString("items[0].attemptLog[0].error"));
        assertTrue(log.get("items[0].attemptLog[1].statusCode") == null, "a timeout has no status code");
        assertTrue(log.getString("items[0].attemptLog[1].error").contains("Timeout"), log.getString("items[0].attemptLog[1].error"));
        assertTrue(log.getLong("items[0].attemptLog[1].latencyMillis") >= 1900);
        assertEquals(200, log.getInt("items[0].attemptLog[2].statusCode"));
        List<String> ids = deliveredFor(contact).stream().map(WebhookReceiver.Received::id).distinct().toList();
        assertEquals(1, ids.size(), "every attempt carries the same webhook-id");
    }

    @Test
    void aReceiverThatHangsHoldsOnlyDeliverySlotsNeverTheServicesRequests() {
        subscribe("contact.created");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        receiver.behaviour = r -> {
            held.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.status(200);
        };
        try {
            String first = newContact("Hang0");
            await().atMost(WAIT).until(() -> held.get() >= 1);
            // every delivery slot is now stuck on the receiver, which answers nothing; the service still serves requests
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 1; i <= 20; i++) {
                    newContact("Hang" + i);
                    agent().get("/contacts/" + first).then().statusCode(200);
                }
            });
            assertEquals(1, release.getCount(), "the receiver answered nothing while the requests were served");
            assertTrue(receiver.all().isEmpty(), "no delivery completed: the receiver held them all");
        } finally {
            release.countDown();
        }
    }

    @Test
    void after24HoursOfFailuresTheSubscriptionIsFlaggedAndWaitsForAnAdmin() {
        subscribe("contact.created");
        AtomicInteger status = new AtomicInteger(500);
        receiver.behaviour = r -> Answer.status(status.get());
        String contact = newContact("Failing");
        await().atMost(WAIT).until(() -> receiver.all().stream().anyMatch(r -> r.contactId().equals(contact)));
        // the first failure was a day ago (the test cannot wait 24 h): the next failure ends the retry period
        pool.preparedQuery("update webhook_deliveries set first_failed_at = now() - interval '24 hours' where subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(subscription))).await().indefinitely();
        await().atMost(WAIT).untilAsserted(() -> as("admin").get("/webhook-subscriptions/" + subscription).then()
                .body("status", equalTo("FAILING")).body("failingSince", org.hamcrest.Matchers.notNullValue()));
        int attempts = deliveredFor(contact).size();
        sleep(2500);
        assertEquals(attempts, deliveredFor(contact).size(), "a failing subscription is not tried again");

        status.set(200);
        as("admin").post("/webhook-subscriptions/" + subscription + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        await().atMost(WAIT).untilAsserted(() -> as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries")
                .then().body("items[0].status", equalTo("DELIVERED")));
    }

    @Test
    void aContactsLaterEventWaitsForItsEarlierOneWhileOtherContactsGoAhead() {
        subscribe("contact.created", "contact.updated");
        String stuck = newContact("Stuck");
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        // the stuck contact's first event is refused 3 times; the others are accepted at once
        receiver.behaviour = r -> r.contactId().equals(stuck) && r.type().equals("contact.created")
                && refusals.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet() <= 3
                ? Answer.status(503) : Answer.status(200);
        rename(stuck, "Second");
        rename(stuck, "Third");
        String other = newContact("Other");

        await().atMost(WAIT).until(() -> deliveredFor(other).size() == 1 && deliveredFor(stuck).size() >= 6);
        List<WebhookReceiver.Received> got = deliveredFor(stuck);
        List<String> types = got.stream().map(WebhookReceiver.Received::type).toList();
        assertEquals(List.of("contact.created", "contact.created", "contact.created", "contact.created", "contact.updated",
                "contact.updated"), types, "the updates waited for the refused creation");
        assertTrue(deliveredFor(other).get(0).at().isBefore(got.get(3).at()), "another contact was not held up");
    }

    @Test
    void deliveriesADeadDispatcherHadClaimedGoOutWhenTheirLeaseEnds() {
        subscribe("contact.created");
        as("admin").post("/webhook-subscriptions/" + subscription + "/pause").then().statusCode(200);
        List<String> contacts = List.of(newContact("Lost1"), newContact("Lost2"), newContact("Lost3"));
        await().atMost(WAIT).until(() -> as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries?status=PENDING")
                .then().extract().jsonPath().getList("items").size() == 3);
        // what a dispatcher killed after claiming leaves behind: active, its deliveries leased (4 s) and never recorded
        UUID id = UUID.fromString(subscription);
        pool.withTransaction(conn -> conn.preparedQuery("update webhook_subscriptions set status = 'ACTIVE' where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .chain(() -> conn.preparedQuery("update webhook_deliveries set next_attempt_at = now() + interval '4 seconds' "
                        + "where subscription_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))))
                .await().indefinitely();
        Instant leased = Instant.now();

        await().atMost(WAIT).until(() -> contacts.stream().allMatch(c -> deliveredFor(c).size() == 1));
        for (String c : contacts) {
            Duration waited = Duration.between(leased, deliveredFor(c).get(0).at());
            assertTrue(waited.toMillis() >= 3000, "sent before the lease ended: " + waited);
        }
    }

    @Test
    void pausedSubscriptionsHoldEventsAndReplaySendsThemAgain() {
        subscribe("contact.created", "contact.merged");
        as("admin").post("/webhook-subscriptions/" + subscription + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        Instant before = Instant.now();
        String survivor = newContact("Keep");
        String merged = newContact("Gone");
        agent().body(Map.of("mergeId", merged)).post("/contacts/" + survivor + "/merge").then().statusCode(200);
        sleep(1500);
        assertTrue(receiver.all().isEmpty(), "nothing is sent while paused");

        as("admin").post("/webhook-subscriptions/" + subscription + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        await().atMost(WAIT).until(() -> deliveredFor(survivor).size() == 2 && deliveredFor(merged).size() == 1);
        JsonNode merge = deliveredFor(survivor).get(1).json();
        assertEquals("contact.merged", merge.path("type").asText());
        assertEquals(merged, merge.path("data").path("mergedContactId").asText());

        as("admin").body(Map.of("from", before.toString())).post("/webhook-subscriptions/" + subscription + "/replay")
                .then().statusCode(200).body("scheduled", equalTo(3));
        await().atMost(WAIT).until(() -> deliveredFor(survivor).size() == 4 && deliveredFor(merged).size() == 2);
        List<WebhookReceiver.Received> again = deliveredFor(survivor);
        assertEquals(again.get(0).id(), again.get(2).id(), "a replayed event keeps its webhook-id");
        assertEquals(List.of("contact.created", "contact.merged"), List.of(again.get(2).type(), again.get(3).type()));
        as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries?status=DELIVERED&limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].replay", equalTo(true));
    }

    @Test
    void erasureAndImportsAreAnnouncedWithIdsAndCountsOnly() {
        subscribe("contact.erased", "import.completed");
        String contact = newContact("Erase");
        as("admin").post("/contacts/" + contact + "/erasure").then().statusCode(200);
        String importId = as("marketer").contentType("text/csv").header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("fileName", "hooks.csv").body("given_name,email\nImp,imp-%s@example.org\nBad,not-an-address\n"
                        .formatted(UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports").then().statusCode(202).extract().path("id");

        await().atMost(WAIT).until(() -> deliveredFor(contact).size() == 1 && receiver.all().stream()
                .anyMatch(r -> r.type().equals("import.completed") && r.json().path("data").path("importId").asText().equals(importId)));
        JsonNode erased = deliveredFor(contact).get(0).json();
        assertEquals("contact.erased", erased.path("type").asText());
        assertEquals(0, erased.path("data").path("mergedContactIds").size());
        JsonNode done = receiver.all().stream().filter(r -> r.type().equals("import.completed")).findFirst().orElseThrow().json();
        assertEquals(2, done.path("data").path("totalRows").asInt());
        assertEquals(1, done.path("data").path("importedRows").asInt());
        assertEquals(1, done.path("data").path("failedRows").asInt());
        assertFalse(done.toString().contains("example.org"));
    }

    @Test
    void badInputNamesTheFieldAndOnlyAdminsManageSubscriptions() {
        as("admin").body(Map.of("url", "http://partner.example.com/hooks", "eventTypes", List.of("contact.created")))
                .post("/webhook-subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        as("admin").body(Map.of("url", "https://partner.example.com/hooks", "eventTypes", List.of("contact.deleted")))
                .post("/webhook-subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes"));
        as("admin").body(Map.of("url", "https://partner.example.com/hooks", "eventTypes", List.of("contact.created"), "secret", "hunter2"))
                .post("/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("secret"));
        as("admin").body(Map.of("url", "https://partner.example.com/hooks", "eventTypes", List.of()))
                .post("/webhook-subscriptions").then().statusCode(400).body("errors[0].field", containsString("eventTypes"));
        as("admin").body(Map.of("from", Instant.now().plusSeconds(3600).toString()))
                .post("/webhook-subscriptions/" + UUID.randomUUID() + "/replay").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("admin").post("/webhook-subscriptions/" + UUID.randomUUID() + "/pause").then().statusCode(404);
        as("admin").get("/webhook-subscriptions/" + UUID.randomUUID() + "/deliveries?status=LOST").then().statusCode(400);
        as("marketer").get("/webhook-subscriptions").then().statusCode(403);
        as("integration").body(Map.of("url", receiver.url(), "eventTypes", List.of("contact.created")))
                .post("/webhook-subscriptions").then().statusCode(403);

        String given = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String id = as("admin").body(Map.of("url", "https://partner.example.com/hooks", "eventTypes", List.of("contact.created"),
                "secret", given)).post("/webhook-subscriptions").then().statusCode(201).body("secret", equalTo(given)).extract().path("id");
        as("admin").get("/webhook-subscriptions/" + id).then().statusCode(200).body("secret", equalTo(null));
        as("admin").delete("/webhook-subscriptions/" + id).then().statusCode(204);
        as("admin").get("/webhook-subscriptions/" + id).then().statusCode(404);
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

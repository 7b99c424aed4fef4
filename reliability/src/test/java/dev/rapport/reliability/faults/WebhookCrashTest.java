package dev.rapport.reliability.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.WebhookReceiver;
import dev.rapport.devstack.testing.suite.Suite;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partner webhooks under {@code kill -9}, for each service's sender (platform's dispatcher, with that service's events):
 * the service runs as a process on its own PostgreSQL, sending to a local receiver that verifies every signature and
 * answers slowly. Events pile up while the subscription is paused; once it is resumed the process is killed several
 * times while delivering (in flight: at most the 4 the window allows) and started again. At the end every webhook event
 * written to the outbox has reached the receiver at least once with a valid signature, every delivery is DELIVERED,
 * and for each contact the events first arrived in the order they happened.
 */
class WebhookCrashTest {
    private static final int CONTACTS = 40;
    private static final int KILLS = 3;

    /** A service whose sender is killed: its database, the events subscribed to, and how to make them happen. */
    record Sender(String service, String database, List<String> eventTypes, Seed seed) {
        @Override
        public String toString() {
            return service;
        }
    }

    /** Makes the events happen through the service's API; answers how many webhook events that wrote. */
    interface Seed {
        int run(Suite suite, String service);
    }

    static List<Sender> senders() {
        return List.of(
                new Sender(Suite.CONTACTS, "contacts", List.of("contact.created", "contact.updated"), WebhookCrashTest::contacts),
                new Sender(Suite.CONSENT, "consent", List.of("consent.changed"), WebhookCrashTest::consents),
                new Sender(Suite.FEEDBACK, "feedback", List.of("case.reopened", "case.confirmed"), WebhookCrashTest::cases));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("senders")
    void killedWhileDeliveringItLosesNothingAndKeepsOrderPerContact(Sender sender) throws Exception {
        Path repo = Suite.repoFromModule();
        String service = sender.service();
        assumeTrue(Suite.available(repo, false, List.of(service)), "needs the " + service + " jar (./mvnw install)");
        try (WebhookReceiver receiver = new WebhookReceiver(); Postgres pg = Postgres.start(sender.database())) {
            receiver.behaviour = r -> new WebhookReceiver.Answer(200, Duration.ofMillis(150));
            Suite suite = Suite.builder(repo).members(service).database(service, pg.url(sender.database()))
                    // short leases and a small window: kills land between sending and recording, and come back fast
                    .property(service, "rapport.webhooks.lease", "PT3S")
                    .property(service, "rapport.webhooks.concurrency", "4")
                    .property(service, "rapport.webhooks.initial-backoff", "PT0.5S")
                    .start();
            try {
                JsonPath registered = as(suite, service, "admin").body(Map.of("url", receiver.url(),
                                "eventTypes", sender.eventTypes()))
                        .post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
                receiver.secret(registered.getString("secret"));
                String subscription = registered.getString("id");
                // events pile up while paused, so the kills land while the dispatcher works through them
                as(suite, service, "admin").post("/webhook-subscriptions/" + subscription + "/pause").then().statusCode(200);
                int events = sender.seed().run(suite, service);
                as(suite, service, "admin").post("/webhook-subscriptions/" + subscription + "/resume").then().statusCode(200);

                for (int kill = 0; kill < KILLS; kill++) {
                    awaitReceived(receiver, (kill + 1) * events / (KILLS + 2), Duration.ofMinutes(3));
                    assertTrue(receiver.all().size() < events, "the kill must land while events are still being delivered");
                    suite.kill(service);
                    suite.restart(service);
                    suite.awaitReady(service, Duration.ofMinutes(3));
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                while (pending(pg, sender) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertEquals(0, pending(pg, sender), "every delivery DELIVERED");

                // event ids per contact, in the order they happened (outbox order)
                Map<String, List<String>> written = new HashMap<>();
                for (String[] row : pg.query(sender.database(), "select contact_id, event_id from outbox where event_type in ("
                        + types(sender) + ") order by seq")) {
                    written.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
                }
                assertEquals(events, written.values().stream().mapToInt(List::size).sum());
                assertEquals(CONTACTS, written.size(), "events of every contact");
                List<WebhookReceiver.Received> got = receiver.all();
                assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified), "a request failed verification");
                Map<String, Set<String>> firstArrivals = new HashMap<>();
                for (WebhookReceiver.Received r : got) {
                    firstArrivals.computeIfAbsent(r.contactId(), k -> new LinkedHashSet<>()).add(r.id());
                }
                for (Map.Entry<String, List<String>> e : written.entrySet()) {
                    assertEquals(e.getValue(), List.copyOf(firstArrivals.getOrDefault(e.getKey(), Set.of())),
                            "contact " + e.getKey() + ": every event, first arrivals in order");
                }
                long again = got.size() - written.values().stream().mapToInt(List::size).sum();
                System.out.printf("[webhook crash] %s: %d events, %d kills, %d sent again under their webhook-id%n",
                        service, got.size() - again, KILLS, again);
                assertTrue(again <= KILLS * 4L, "more copies than the deliveries in flight at the kills: " + again);
            } finally {
                suite.stop();
            }
        }
    }

    /** contacts-service: creates the contacts and updates each twice (contact.created, then two contact.updated). */
    private static int contacts(Suite suite, String service) {
        int updates = 2;
        for (int i = 0; i < CONTACTS; i++) {
            String id = as(suite, service, "agent").body(Map.of("givenName", "Crash " + i, "owner", "agent"))
                    .post("/contacts").then().statusCode(201).extract().path("id");
            for (int u = 1; u <= updates; u++) {
                as(suite, service, "agent").body(Map.of("givenName", "Crash " + i + "." + u, "lifecycleStage", "LEAD",
                        "version", u - 1, "tags", List.of()))
                        .put("/contacts/" + id).then().statusCode(200);
            }
        }
        return CONTACTS * (1 + updates);
    }

    /** consent-service: per contact a grant, then its withdrawal (two consent.changed, in that order). */
    private static int consents(Suite suite, String service) {
        String purpose = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        as(suite, service, "admin").body(Map.of("code", purpose, "description", "crash", "lawfulBasis", "CONSENT"))
                .post("/purposes").then().statusCode(201);
        for (int i = 0; i < CONTACTS; i++) {
            UUID contact = UUID.randomUUID();
            for (String kind : List.of("GRANT", "WITHDRAW")) {
                as(suite, service, "agent").body(Map.of("kind", kind, "purpose", purpose, "channel", "EMAIL",
                                "source", "WEB_FORM", "evidence", Map.of("formId", "crash")))
                        .post("/contacts/" + contact + "/consent-events").then().statusCode(201);
            }
        }
        return CONTACTS * 2;
    }

    /**
     * feedback-service: per contact a case resolved, answered "not resolved" by the customer (case.reopened), resolved
     * again and confirmed (case.confirmed).
     */
    private static int cases(Suite suite, String service) {
        for (int i = 0; i < CONTACTS; i++) {
            UUID contact = UUID.randomUUID();
            String id = as(suite, service, "agent").body(Map.of("contactId", contact.toString(), "problem", "Crash " + i,
                    "channel", "PHONE")).post("/cases").then().statusCode(201).extract().path("id");
            for (String outcome : List.of("NOT_RESOLVED", "CONFIRMED")) {
                as(suite, service, "agent").body(Map.of("note", "Fixed")).post("/cases/" + id + "/resolution")
                        .then().statusCode(200);
                given().baseUri(suite.url(service)).contentType(ContentType.JSON)
                        .header("Authorization", "Bearer " + Tokens.forContact(contact.toString()))
                        .body(Map.of("outcome", outcome)).post("/cases/" + id + "/confirmation").then().statusCode(200);
            }
        }
        return CONTACTS * 2;
    }

    private static String types(Sender sender) {
        return String.join(", ", sender.eventTypes().stream().map(t -> "'" + t + "'").toList());
    }

    private static long pending(Postgres pg, Sender sender) throws Exception {
        return pg.count(sender.database(), "select (select count(*) from webhook_deliveries where status <> 'DELIVERED') "
                + "+ (select count(*) from outbox where delivered_at is null and event_type in (" + types(sender) + "))");
    }

    private static void awaitReceived(WebhookReceiver receiver, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (receiver.all().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static RequestSpecification as(Suite suite, String service, String role) {
        return given().baseUri(suite.url(service)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.forRoles("crash-" + role, role));
    }
}

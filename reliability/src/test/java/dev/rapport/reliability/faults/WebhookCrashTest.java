package dev.rapport.reliability.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.WebhookReceiver;
import dev.rapport.platform.testing.suite.Suite;
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
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks under {@code kill -9}: contacts-service runs as a process on its own PostgreSQL, sending to a local
 * receiver that verifies every signature and answers slowly. Events pile up while the subscription is paused; once it
 * is resumed the process is killed several times while delivering (in flight: at most the 4 the window allows) and
 * started again. At the end every webhook event written to the outbox has
 * reached the receiver at least once with a valid signature, every delivery is DELIVERED, and for each contact the
 * events first arrived in the order they happened.
 */
class WebhookCrashTest {
    private static final int CONTACTS = 40;
    private static final int UPDATES = 2;
    private static final int KILLS = 3;

    @Test
    void killedWhileDeliveringItLosesNothingAndKeepsOrderPerContact() throws Exception {
        Path repo = Suite.repoFromModule();
        assumeTrue(Suite.available(repo, false, List.of(Suite.CONTACTS)), "needs the contacts-service jar (./mvnw install)");
        try (WebhookReceiver receiver = new WebhookReceiver(); Postgres pg = Postgres.start("contacts")) {
            receiver.behaviour = r -> new WebhookReceiver.Answer(200, Duration.ofMillis(150));
            Suite suite = Suite.builder(repo).members(Suite.CONTACTS).database(Suite.CONTACTS, pg.url("contacts"))
                    // short leases and a small window: kills land between sending and recording, and come back fast
                    .property(Suite.CONTACTS, "rapport.webhooks.lease", "PT3S")
                    .property(Suite.CONTACTS, "rapport.webhooks.concurrency", "4")
                    .property(Suite.CONTACTS, "rapport.webhooks.initial-backoff", "PT0.5S")
                    .start();
            try {
                JsonPath registered = as(suite, "admin").body(Map.of("url", receiver.url(),
                                "eventTypes", List.of("contact.created", "contact.updated")))
                        .post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
                receiver.secret(registered.getString("secret"));
                String subscription = registered.getString("id");
                // events pile up while paused, so the kills land while the dispatcher works through them
                as(suite, "admin").post("/webhook-subscriptions/" + subscription + "/pause").then().statusCode(200);
                int events = seed(suite);
                as(suite, "admin").post("/webhook-subscriptions/" + subscription + "/resume").then().statusCode(200);

                for (int kill = 0; kill < KILLS; kill++) {
                    awaitReceived(receiver, (kill + 1) * events / (KILLS + 2), Duration.ofMinutes(3));
                    assertTrue(receiver.all().size() < events, "the kill must land while events are still being delivered");
                    suite.kill(Suite.CONTACTS);
                    suite.restart(Suite.CONTACTS);
                    suite.awaitReady(Suite.CONTACTS, Duration.ofMinutes(3));
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                while (pending(pg) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertEquals(0, pending(pg), "every delivery DELIVERED");

                // event ids per contact, in the order they happened (outbox order)
                Map<String, List<String>> written = new HashMap<>();
                for (String[] row : pg.query("contacts", "select contact_id, event_id from outbox "
                        + "where event_type in ('contact.created', 'contact.updated') order by seq")) {
                    written.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
                }
                assertEquals(CONTACTS * (1 + UPDATES), written.values().stream().mapToInt(List::size).sum());
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
                System.out.printf("[webhook crash] %d events, %d kills, %d sent again under their webhook-id%n",
                        got.size() - again, KILLS, again);
                assertTrue(again <= KILLS * 4L, "more copies than the deliveries in flight at the kills: " + again);
            } finally {
                suite.stop();
            }
        }
    }

    /** Creates the contacts and updates each; answers how many webhook events that wrote. */
    private static int seed(Suite suite) {
        for (int i = 0; i < CONTACTS; i++) {
            String id = as(suite, "agent").body(Map.of("givenName", "Crash " + i, "owner", "agent"))
                    .post("/contacts").then().statusCode(201).extract().path("id");
            for (int u = 1; u <= UPDATES; u++) {
                as(suite, "agent").body(Map.of("givenName", "Crash " + i + "." + u, "lifecycleStage", "LEAD",
                        "version", u - 1, "tags", List.of()))
                        .put("/contacts/" + id).then().statusCode(200);
            }
        }
        return CONTACTS * (1 + UPDATES);
    }

    private static long pending(Postgres pg) throws Exception {
        return pg.count("contacts", "select (select count(*) from webhook_deliveries where status <> 'DELIVERED') "
                + "+ (select count(*) from outbox where delivered_at is null and event_type like 'contact.%')");
    }

    private static void awaitReceived(WebhookReceiver receiver, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (receiver.all().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static RequestSpecification as(Suite suite, String role) {
        return given().baseUri(suite.url(Suite.CONTACTS)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.forRoles("crash-" + role, role));
    }
}

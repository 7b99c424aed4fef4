package dev.rapport.reliability.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.suite.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The delivery module's promise under {@code kill -9}: a crash never sends twice a message that was acknowledged, and
 * never loses one. Delivery runs as a process against consent-service's real queue and an SMTP server (GreenMail);
 * while it drains the queue it is killed several times and started again. At the end every outreach is DELIVERED,
 * GreenMail holds at least one copy of each (identified by its Message-ID, derived from the outreach id), and no copy
 * arrives after the outreach was acknowledged. Copies beyond the first are the messages a kill caught between sending
 * and acknowledging: their lease ran out and they went again under the same Message-ID.
 */
class DeliveryCrashTest {
    private static final String DELIVERY = "delivery";
    private static final int MESSAGES = 60;
    private static final int KILLS = 3;

    @Test
    void killedWhileSendingItLosesNothingAndResendsNothingAcknowledged() throws Exception {
        Path repo = Suite.repoFromModule();
        assumeTrue(Suite.available(repo, false, List.of(Suite.CONTACTS, Suite.CONSENT, DELIVERY)),
                "needs the service and delivery jars (./mvnw install)");
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        Suite suite = null;
        try {
            suite = Suite.builder(repo).members(Suite.CONTACTS, Suite.CONSENT, DELIVERY)
                    .environment(DELIVERY, "RAPPORT_DELIVERY_BEARER_TOKEN",
                            Tokens.issue("rapport-delivery", List.of("integration"), null, 24 * 3600))
                    .environment(DELIVERY, "RAPPORT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()))
                    .environment(DELIVERY, "RAPPORT_DELIVERY_POLL_INTERVAL", "200ms")
                    // small batches and short leases: kills land between sending and acknowledging, and come back fast
                    .property(DELIVERY, "rapport.delivery.batch-size", "4")
                    .property(DELIVERY, "rapport.delivery.concurrency", "2")
                    .property(DELIVERY, "rapport.delivery.lease", "PT5S")
                    .start();
            suite.signal(DELIVERY, "STOP");
            List<UUID> outreach = seed(suite);
            suite.signal(DELIVERY, "CONT");

            for (int kill = 0; kill < KILLS; kill++) {
                awaitMail(smtp, Math.min(MESSAGES, (kill + 1) * MESSAGES / (KILLS + 1)), Duration.ofMinutes(3));
                suite.kill(DELIVERY);
                suite.restart(DELIVERY);
                suite.awaitReady(DELIVERY, Duration.ofMinutes(3));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (delivered(suite, outreach) < outreach.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(outreach.size(), delivered(suite, outreach), "every outreach acknowledged DELIVERED");

            // past every lease: nothing acknowledged goes out again
            int before = smtp.getReceivedMessages().length;
            Thread.sleep(7_000);
            assertEquals(before, smtp.getReceivedMessages().length, "an acknowledged message was sent again");

            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                copies.merge(m.getHeader("Message-ID", null), 1, Integer::sum);
            }
            for (UUID id : outreach) {
                assertTrue(copies.getOrDefault("<" + id + "@rapport.localhost>", 0) >= 1, "lost: " + id);
            }
            int resent = copies.values().stream().mapToInt(c -> c - 1).sum();
            System.out.printf("[delivery crash] %d messages, %d kills, %d sent again under their Message-ID%n", outreach.size(),
                    KILLS, resent);
            assertTrue(resent <= KILLS * 4, "more copies than the messages in flight at the kills: " + resent);
        } finally {
            if (suite != null) {
                suite.stop();
            }
            smtp.stop();
        }
    }

    private static List<UUID> seed(Suite suite) {
        RequestSpecification admin = as(suite, Suite.CONSENT, "admin");
        admin.body("{\"code\":\"newsletter\",\"description\":\"Product newsletter\",\"lawfulBasis\":\"CONSENT\"}").post("/purposes");
        List<UUID> contacts = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = as(suite, Suite.CONTACTS, "agent").body("{\"givenName\":\"Crash " + i + "\",\"owner\":\"agent\","
                            + "\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":\"crash-" + i + "-" + UUID.randomUUID()
                            + "@example.com\",\"context\":\"PERSONAL\",\"provenance\":{\"kind\":\"PROVIDED_BY_CONTACT\","
                            + "\"source\":\"signup\"}}]}")
                    .post("/contacts").then().statusCode(201).extract().path("id");
            contacts.add(UUID.fromString(id));
        }
        List<UUID> outreach = new ArrayList<>();
        for (UUID c : contacts) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (as(suite, Suite.CONSENT, "admin").get("/contacts/" + c + "/contact-points").then().extract()
                    .jsonPath().getList("").isEmpty() && System.nanoTime() < deadline) {
                sleep(200);
            }
            as(suite, Suite.CONSENT, "agent").body("{\"kind\":\"GRANT\",\"purpose\":\"newsletter\",\"channel\":\"EMAIL\","
                    + "\"source\":\"WEB_FORM\"}").post("/contacts/" + c + "/consent-events").then().statusCode(201);
            String id = as(suite, Suite.CONSENT, "marketer").body("{\"contactId\":\"" + c + "\",\"purpose\":\"newsletter\","
                    + "\"channel\":\"EMAIL\"}").post("/outreach/requests").then().statusCode(201).extract().path("id");
            outreach.add(UUID.fromString(id));
        }
        return outreach;
    }

    private static long delivered(Suite suite, List<UUID> outreach) {
        return outreach.stream().filter(id -> "DELIVERED".equals(as(suite, Suite.CONSENT, "admin")
                .get("/outreach/requests/" + id).then().extract().path("status"))).count();
    }

    private static void awaitMail(GreenMail smtp, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (smtp.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static RequestSpecification as(Suite suite, String member, String role) {
        return given().baseUri(suite.url(member)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.forRoles("crash-" + role, role));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

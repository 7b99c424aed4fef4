package dev.rapport.reliability.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.WebhookReceiver;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.platform.webhooks.StandardWebhooks;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Upgrading to sealed webhook secrets: contacts-service's database as a version before migration V80 left it, with a
 * subscription whose secret is stored in plain text. The service starts on it, migrates, seals the secret with its key
 * at start, and the partner still verifies every request with the secret it always had.
 */
class WebhookSecretsUpgradeTest {

    @Test
    void aSecretStoredInPlainTextBeforeIsSealedWhenTheServiceStartsAndStillSigns() throws Exception {
        Path repo = Suite.repoFromModule();
        assumeTrue(Suite.available(repo, false, List.of(Suite.CONTACTS)), "needs the contacts-service jar (./mvnw install)");
        try (WebhookReceiver receiver = new WebhookReceiver(); Postgres pg = Postgres.start("contacts")) {
            Suite suite = Suite.builder(repo).members(Suite.CONTACTS).database(Suite.CONTACTS, pg.url("contacts")).start();
            try {
                String secret = StandardWebhooks.newSecret();
                receiver.secret(secret);
                String id = as(suite, "admin").body(Map.of("url", receiver.url(), "eventTypes", List.of("contact.created"),
                        "secret", secret)).post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
                suite.kill(Suite.CONTACTS);

                // back to what the version before V80 left: no constraint, no V80 in the history, the secret in plain text;
                // and the migrations after V80 undone too, or Flyway would refuse V80 as out of order
                pg.execute("contacts", "alter table import_outcomes add constraint import_outcomes_job_id_fkey "
                        + "foreign key (job_id) references import_jobs (id)"); // V90 drops it
                pg.execute("contacts", "alter table webhook_subscriptions drop constraint webhook_secrets_sealed");
                assertEquals(List.of("80", "90"), pg.query("contacts",
                        "select version from flyway_schema_history where version::numeric >= 80 order by version::numeric")
                        .stream().map(row -> row[0]).toList(), "a migration after V80 this test does not undo yet");
                pg.execute("contacts", "delete from flyway_schema_history where version::numeric >= 80");
                pg.execute("contacts", "update webhook_subscriptions set secret = '" + secret + "' where id = '" + id + "'");
                assertEquals(secret, stored(pg, id));

                suite.restart(Suite.CONTACTS);
                suite.awaitReady(Suite.CONTACTS, Duration.ofMinutes(3));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!stored(pg, id).startsWith("aesgcm:") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                String sealed = stored(pg, id);
                assertTrue(sealed.startsWith("aesgcm:"), sealed);
                assertFalse(sealed.contains(secret.substring(StandardWebhooks.SECRET_PREFIX.length())), sealed);
                assertEquals(1, pg.count("contacts", "select count(*) from flyway_schema_history where version = '80' and success"));

                String contact = as(suite, "agent").body(Map.of("givenName", "Upgraded", "owner", "agent"))
                        .post("/contacts").then().statusCode(201).extract().path("id");
                long sent = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (receiver.all().stream().noneMatch(r -> r.contactId().equals(contact)) && System.nanoTime() < sent) {
                    Thread.sleep(50);
                }
                List<WebhookReceiver.Received> got = receiver.all().stream().filter(r -> r.contactId().equals(contact)).toList();
                assertFalse(got.isEmpty(), "the event arrived");
                assertTrue(got.stream().allMatch(WebhookReceiver.Received::verified), "signed with the secret the partner has");
            } finally {
                suite.stop();
            }
        }
    }

    private static String stored(Postgres pg, String id) throws Exception {
        return pg.query("contacts", "select secret from webhook_subscriptions where id = '" + id + "'").get(0)[0];
    }

    private static RequestSpecification as(Suite suite, String role) {
        return given().baseUri(suite.url(Suite.CONTACTS)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.forRoles("upgrade-" + role, role));
    }
}

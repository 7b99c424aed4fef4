package dev.rapport.contacts.webhook;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.devstack.testing.WebhookReceiver;
import dev.rapport.platform.webhooks.StandardWebhooks;
import dev.rapport.platform.webhooks.WebhookSecrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook signing secrets are stored encrypted (platform's {@code WebhookSecrets}): the column never holds the secret,
 * requests still verify at a receiver with it, a secret stored in plain text before is sealed by the start-up routine,
 * and a secret the configured key does not open fails loudly, naming the subscription, with nothing sent unsigned.
 */
@QuarkusTest
class WebhookSecretsAtRestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    ContactWebhooks webhooks;

    private WebhookReceiver receiver;
    private String subscription;
    private String secret;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        JsonPath answer = as("admin").body(Map.of("url", receiver.url(), "eventTypes", List.of("contact.created")))
                .post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        subscription = answer.getString("id");
        secret = answer.getString("secret");
        receiver.secret(secret);
    }

    @AfterEach
    void close() {
        as("admin").delete("/webhook-subscriptions/" + subscription);
        receiver.close();
    }

    @Test
    void theStoredColumnsNeverHoldTheSecretAndRequestsStillVerify() {
        String[] stored = stored();
        assertSealed(stored[0], secret);

        String rotated = as("admin").body(Map.of()).post("/webhook-subscriptions/" + subscription + "/secret")
                .then().statusCode(200).extract().path("secret");
        String[] afterRotation = stored();
        assertSealed(afterRotation[0], rotated);
        assertSealed(afterRotation[1], secret);
        assertEquals(stored[0], afterRotation[1], "the previous secret keeps its sealed form");

        receiver.secret(rotated);
        String contact = newContact();
        await().atMost(WAIT).until(() -> !receivedFor(contact).isEmpty());
        WebhookReceiver.Received got = receivedFor(contact).get(0);
        assertTrue(got.verified(), "signed with the new secret, opened from its sealed form");
        assertEquals(2, got.signature().split(" ").length, "and with the previous one during the overlap: " + got.signature());
        assertTrue(StandardWebhooks.verify(secret, got.id(), got.timestamp(), got.signature().split(" ")[1], got.body(),
                got.at(), Duration.ofMinutes(5)), "the second signature is the previous secret's");
    }

    @Test
    void aSecretStoredInPlainTextBeforeIsSealedAtStartAndStillSigns() {
        // a row as written before secrets were sealed (migration V80 makes the database refuse it from then on)
        sql("alter table webhook_subscriptions drop constraint webhook_secrets_sealed");
        try {
            sql("update webhook_subscriptions set secret = $2 where id = $1", UUID.fromString(subscription), secret);
            assertEquals(secret, stored()[0]);
        } finally {
            sql("alter table webhook_subscriptions add constraint webhook_secrets_sealed check (secret not like 'whsec\\_%' "
                    + "and (previous_secret is null or previous_secret not like 'whsec\\_%')) not valid");
        }

        int sealed = webhooks.sealStoredSecrets().await().atMost(WAIT);

        assertTrue(sealed >= 1, "sealed: " + sealed);
        assertSealed(stored()[0], secret);
        String contact = newContact();
        await().atMost(WAIT).until(() -> !receivedFor(contact).isEmpty());
        assertTrue(receivedFor(contact).get(0).verified(), "still signs with the same secret");
        assertEquals(0, webhooks.sealStoredSecrets().await().atMost(WAIT), "nothing left to seal");
    }

    @Test
    void aSecretTheConfiguredKeyDoesNotOpenFailsNamingTheSubscriptionAndNothingIsSentUnsigned() {
        // sealed with a key this service does not have (a key rotation that dropped the old key too early)
        WebhookSecrets otherKey = WebhookSecrets.fromConfig(Optional.of(WebhookSecrets.newKey()), Optional.empty());
        sql("update webhook_subscriptions set secret = $2 where id = $1", UUID.fromString(subscription),
                otherKey.seal(UUID.fromString(subscription), secret));
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue() && String.valueOf(r.getMessage()).contains(subscription)) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger dispatcher = Logger.getLogger("dev.rapport.platform.webhooks.WebhookDispatcher");
        dispatcher.addHandler(capture);
        try {
            newContact();
            await().atMost(WAIT).until(() -> !errors.isEmpty());
            JsonPath log = as("admin").get("/webhook-subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            String error = log.getString("items[0].lastError");
            assertTrue(error.contains("webhook subscription " + subscription + " cannot sign")
                    && error.contains(otherKey.currentKeyId()) && error.contains("not configured"), error);
            assertEquals("PENDING", log.getString("items[0].status"), "tried again later, like any failure");
            assertTrue(errors.get(0).getMessage().contains("not sent"), errors.get(0).getMessage());
            assertEquals(List.of(), receiver.all(), "nothing sent unsigned (or at all)");
        } finally {
            dispatcher.removeHandler(capture);
        }
    }

    private static void assertSealed(String stored, String secret) {
        String key = secret.substring(StandardWebhooks.SECRET_PREFIX.length());
        assertTrue(stored.startsWith("aesgcm:"), stored);
        assertFalse(stored.contains(secret) || stored.contains(key), "the secret in the column: " + stored);
    }

    /** {@code secret} and {@code previous_secret} as stored, read with SQL. */
    private String[] stored() {
        Row row = pool.preparedQuery("select secret, previous_secret from webhook_subscriptions where id = $1")
                .execute(Tuple.of(UUID.fromString(subscription))).await().atMost(WAIT).iterator().next();
        return new String[] {row.getString("secret"), row.getString("previous_secret")};
    }

    private void sql(String sql, Object... args) {
        (args.length == 0 ? pool.query(sql).execute() : pool.preparedQuery(sql).execute(Tuple.from(args))).await().atMost(WAIT);
    }

    private List<WebhookReceiver.Received> receivedFor(String contactId) {
        return receiver.all().stream().filter(r -> r.contactId().equals(contactId)).toList();
    }

    private static String newContact() {
        return agent().body(Map.of("givenName", "Sealed " + UUID.randomUUID(), "owner", "agent"))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }
}

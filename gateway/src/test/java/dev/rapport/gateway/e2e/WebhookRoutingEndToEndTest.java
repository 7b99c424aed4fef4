package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * One GraphQL registration with event types of two services, against the real services: each service keeps its own
 * subscription, both sign with the one secret the registration answered (the receiver verifies every request with
 * it), the list shows both, and each is paused and deleted through the gateway at the service that keeps it. The
 * receiver verifies as docs/webhooks.md tells partners to, in plain Java (the gateway has no platform runtime).
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class WebhookRoutingEndToEndTest {

    @Test
    void oneRegistrationOneSecretTwoServices() throws InterruptedException {
        try (Receiver receiver = new Receiver()) {
            String admin = Suite.token("admin");
            JsonPath registered = ok(admin, """
                    mutation($url: String!) { registerWebhookSubscription(input: {url: $url,
                      eventTypes: [CONTACT_CREATED, CONSENT_CHANGED], description: "routing test"}) {
                      secret subscriptions { id service eventTypes } } }""", Map.of("url", receiver.url()));
            receiver.secret(registered.getString("data.registerWebhookSubscription.secret"));
            List<String> ids = registered.getList("data.registerWebhookSubscription.subscriptions.id");
            assertEquals(List.of("CONTACTS", "CONSENT"), registered.getList("data.registerWebhookSubscription.subscriptions.service"));
            try {
                String purpose = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
                Suite.purpose(purpose, "CONSENT");
                String contact = Suite.createContact("Hooked");
                ok(Suite.token("marketer"), """
                        mutation($id: ID!, $purpose: String!) { recordConsent(contactId: $id, input: {kind: GRANT,
                          purpose: $purpose, channel: EMAIL, source: WEB_FORM, evidence: {formId: "hooks"}}) { id } }""",
                        Map.of("id", contact, "purpose", purpose));

                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (types(receiver, contact).size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(List.of("consent.changed", "contact.created"), types(receiver, contact).stream().sorted().toList());

                JsonPath listed = ok(admin, "{ webhookSubscriptions { id service } }");
                assertTrue(listed.getList("data.webhookSubscriptions.id").containsAll(ids), listed::prettify);
                JsonPath paused = ok(admin, "mutation($id: ID!) { pauseWebhookSubscription(id: $id) { service status } }",
                        Map.of("id", ids.get(1)));
                assertEquals("CONSENT", paused.getString("data.pauseWebhookSubscription.service"));
                assertEquals("PAUSED", paused.getString("data.pauseWebhookSubscription.status"));
            } finally {
                for (String id : ids) {
                    ok(admin, "mutation($id: ID!) { deleteWebhookSubscription(id: $id) }", Map.of("id", id));
                }
            }
        }
    }

    private static List<String> types(Receiver receiver, String contactId) {
        return receiver.verified.stream().filter(e -> e.path("data").path("contactId").asText().equals(contactId))
                .map(e -> e.path("type").asText()).distinct().toList();
    }

    /** A partner's endpoint: keeps the events whose signature verifies with the secret, answers 401 to the others. */
    static final class Receiver implements AutoCloseable {
        final List<JsonNode> verified = new CopyOnWriteArrayList<>();
        /** The {@code traceparent} header of each verified event, by the event's {@code webhook-id}. */
        final Map<String, String> traceparents = new java.util.concurrent.ConcurrentHashMap<>();
        private final HttpServer server;
        private volatile String secret;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hooks", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    var headers = exchange.getRequestHeaders();
                    boolean ok = secret != null && verify(secret, headers.getFirst("webhook-id"),
                            headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body);
                    if (ok) {
                        JsonNode event = new ObjectMapper().readTree(body);
                        ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("webhookId", headers.getFirst("webhook-id"));
                        if (headers.getFirst("traceparent") != null) {
                            traceparents.put(headers.getFirst("webhook-id"), headers.getFirst("traceparent"));
                        }
                        verified.add(event);
                    }
                    exchange.sendResponseHeaders(ok ? 204 : 401, -1);
                }
            });
            server.start();
        }

        void secret(String secret) {
            this.secret = secret;
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/hooks";
        }

        static boolean verify(String secret, String id, String timestamp, String signatures, String body) {
            try {
                if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
                    return false;
                }
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8))))
                        .getBytes(StandardCharsets.US_ASCII);
                for (String candidate : signatures.split(" ")) {
                    if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

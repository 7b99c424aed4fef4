package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.devstack.testing.OtlpReceiver.ReceivedSpan;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * One GraphQL write is one trace, across the asynchronous hop too: the gateway, contacts-service (which stores the
 * change and its traceparent in the outbox), the outbox relay, and consent-service applying the relayed event all
 * report spans of the trace the caller started, to a local OTLP receiver, as they would to a collector.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class TraceEndToEndTest {

    @Test
    void aGraphQLWriteAndTheOutboxEventItCausesShareOneTrace() throws InterruptedException {
        String traceId = HexFormat.of().formatHex(random(16));
        JsonPath created = given().contentType("application/json")
                .header("Authorization", "Bearer " + Suite.token("agent"))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01")
                .body(Map.of("query", """
                        mutation($key: String) { createContact(idempotencyKey: $key, input: {givenName: "Tracy",
                          familyName: "Trace", contactPoints: [{channel: EMAIL, address: "tracy@example.com",
                          context: WORK, provenance: {kind: PROVIDED_BY_CONTACT, source: "trace-form"}}]}) { id } }""",
                        "variables", Map.of("key", UUID.randomUUID().toString())))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(created.get("errors"), created::prettify);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<ReceivedSpan> trace = RealSuite.traces.trace(traceId);
        while (!complete(trace) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            trace = RealSuite.traces.trace(traceId);
        }
        String seen = trace.stream().map(s -> s.service() + ": " + s.name()).collect(Collectors.joining("\n  ", "\n  ", ""));
        Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
        assertTrue(services.containsAll(Set.of("gateway", "contacts-service", "consent-service")), "services in the trace:" + seen);
        ReceivedSpan applied = trace.stream().filter(s -> s.name().equals("apply contact-point-changed")).findFirst()
                .orElseThrow(() -> new AssertionError("consent-service applied the relayed event outside the trace:" + seen));
        assertEquals("consent-service", applied.service());
        // the relayed event's span hangs below the span that wrote it in contacts-service, not below the relay's batch
        Set<String> contactsSpans = trace.stream().filter(s -> "contacts-service".equals(s.service())).map(ReceivedSpan::spanId)
                .collect(Collectors.toSet());
        assertTrue(contactsSpans.contains(applied.parentSpanId()), "parent of the apply span is a contacts-service span:" + seen);
    }

    @Test
    void theWebhookOfAContactCreationContinuesTheTraceAndHandsItToThePartner() throws InterruptedException {
        try (WebhookRoutingEndToEndTest.Receiver receiver = new WebhookRoutingEndToEndTest.Receiver()) {
            String admin = Suite.token("admin");
            JsonPath registered = given().contentType("application/json").header("Authorization", "Bearer " + admin)
                    .body(Map.of("query", """
                            mutation($url: String!) { registerWebhookSubscription(input: {url: $url,
                              eventTypes: [CONTACT_CREATED], description: "trace test"}) { secret subscriptions { id } } }""",
                            "variables", Map.of("url", receiver.url())))
                    .post("/graphql").then().statusCode(200).extract().jsonPath();
            assertNull(registered.get("errors"), registered::prettify);
            receiver.secret(registered.getString("data.registerWebhookSubscription.secret"));
            String subscription = registered.getString("data.registerWebhookSubscription.subscriptions[0].id");
            try {
                String traceId = HexFormat.of().formatHex(random(16));
                JsonPath created = given().contentType("application/json")
                        .header("Authorization", "Bearer " + Suite.token("agent"))
                        .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01")
                        .body(Map.of("query", "mutation { createContact(input: {givenName: \"Webb\", familyName: \"Hook\"}) { id } }"))
                        .post("/graphql").then().statusCode(200).extract().jsonPath();
                assertNull(created.get("errors"), created::prettify);
                String contact = created.getString("data.createContact.id");

                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                String webhookId = null;
                while (webhookId == null && System.nanoTime() < deadline) {
                    Thread.sleep(300);
                    webhookId = receiver.verified.stream().filter(e -> e.path("data").path("contactId").asText().equals(contact))
                            .map(e -> e.path("webhookId").asText()).findFirst().orElse(null);
                }
                assertTrue(webhookId != null, "the partner received contact.created");
                String header = receiver.traceparents.get(webhookId);
                assertTrue(header != null && header.startsWith("00-" + traceId + "-"), "the partner's traceparent: " + header);

                List<ReceivedSpan> trace = RealSuite.traces.trace(traceId);
                while (trace.stream().noneMatch(s -> s.name().equals("webhook contact.created")) && System.nanoTime() < deadline) {
                    Thread.sleep(300);
                    trace = RealSuite.traces.trace(traceId);
                }
                String seen = trace.stream().map(s -> s.service() + ": " + s.name()).collect(Collectors.joining("\n  ", "\n  ", ""));
                ReceivedSpan sent = trace.stream().filter(s -> s.name().equals("webhook contact.created")).findFirst()
                        .orElseThrow(() -> new AssertionError("no webhook span in the trace:" + seen));
                assertEquals("contacts-service", sent.service(), seen);
                assertEquals(header.split("-")[2], sent.spanId(), "the partner's parent is the webhook span");
            } finally {
                given().contentType("application/json").header("Authorization", "Bearer " + admin)
                        .body(Map.of("query", "mutation($id: ID!) { deleteWebhookSubscription(id: $id) }", "variables",
                                Map.of("id", subscription)))
                        .post("/graphql").then().statusCode(200);
            }
        }
    }

    private static boolean complete(List<ReceivedSpan> trace) {
        return trace.stream().anyMatch(s -> s.name().equals("apply contact-point-changed"))
                && trace.stream().anyMatch(s -> "gateway".equals(s.service()));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return b;
    }
}

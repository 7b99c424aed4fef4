package dev.rapport.contacts.outbox;

import static dev.rapport.contacts.support.Api.agent;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contacts.support.ConsentStub;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @AfterEach
    void accept() {
        ConsentStub.mode = ConsentStub.Mode.ACCEPT;
    }

    private static List<JsonNode> receivedFor(String contactId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : ConsentStub.RECEIVED) {
            if (n.path("payload").path("contactId").asText().equals(contactId)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String contactWithTwoPoints() {
        return agent().body("""
                {"givenName":"Olu","contactPoints":[
                  {"channel":"EMAIL","address":"olu-%1$s@example.org","context":"WORK","provenance":{"kind":"IMPORTED","source":"crm.csv"}},
                  {"channel":"SMS","address":"+442079460123","context":"PERSONAL","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"call"}}]}"""
                .formatted(UUID.randomUUID())).post("/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void changesCommittedWhileConsentIsDownArriveInOrderWhenItReturns() {
        ConsentStub.mode = ConsentStub.Mode.REFUSE;
        String contact = contactWithTwoPoints();
        String pointId = agent().get("/contacts/" + contact).then().extract().path("contactPoints[1].id");
        agent().delete("/contacts/" + contact + "/contact-points/" + pointId).then().statusCode(204);
        // Several delivery rounds fail while consent-service is down; nothing reaches it and nothing is dropped.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertTrue(receivedFor(contact).isEmpty());

        ConsentStub.mode = ConsentStub.Mode.ACCEPT;
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(contact).size() >= 3);
        List<JsonNode> got = receivedFor(contact);
        assertEquals(List.of("ADDED", "ADDED", "REMOVED"), got.stream().map(n -> n.path("payload").path("change").asText()).toList());
        assertEquals("crm.csv", got.get(0).path("payload").path("provenanceSource").asText());
        long previous = -1;
        for (JsonNode n : got) {
            assertTrue(n.path("seq").asLong() > previous, "delivered in outbox order");
            previous = n.path("seq").asLong();
        }
    }

    @Test
    void aBatchDeliveredButNotAcknowledgedIsRedeliveredWithTheSameEventIds() {
        ConsentStub.mode = ConsentStub.Mode.DROP_AFTER_READ;
        String contact = contactWithTwoPoints();
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(contact).size() >= 4);
        ConsentStub.mode = ConsentStub.Mode.ACCEPT;
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            int before = receivedFor(contact).size();
            Thread.sleep(800);
            return receivedFor(contact).size() == before;
        });
        List<JsonNode> got = receivedFor(contact);
        Set<String> distinct = new LinkedHashSet<>();
        got.forEach(n -> distinct.add(n.path("eventId").asText()));
        assertEquals(2, distinct.size(), "two changes, however often they were sent");
        assertTrue(got.size() > distinct.size(), "the unacknowledged batch was sent again");
    }
}

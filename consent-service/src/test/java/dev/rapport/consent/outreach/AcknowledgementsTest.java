package dev.rapport.consent.outreach;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many acknowledgements in one call ({@code POST /outreach/deliveries/acks}) and the evidence a pulled message carries.
 * Messages go out on WHATSAPP here, a channel no other test of this class pulls.
 */
@QuarkusTest
class AcknowledgementsTest {
    private static final String CHANNEL = "WHATSAPP";

    private static String queued(UUID person, String purpose) {
        return as("marketer").body("{\"contactId\":\"" + person + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"" + CHANNEL
                        + "\",\"campaign\":\"acks\"}").post("/outreach/requests").then().statusCode(201)
                .body("status", equalTo("QUEUED")).extract().path("id");
    }

    private static UUID reachable(String purpose) {
        UUID person = UUID.randomUUID();
        addPoint(person, CHANNEL, "+4477007" + (100000 + (int) (Math.random() * 899999)), "PROVIDED_BY_CONTACT",
                Instant.now().minusSeconds(600));
        record(person, "GRANT", purpose, CHANNEL, "");
        return person;
    }

    private static String line(String id, UUID lease, String outcome) {
        return "{\"id\":\"" + id + "\",\"leaseId\":\"" + lease + "\",\"outcome\":\"" + outcome + "\",\"detail\":\"batch\"}";
    }

    /** Pulls until every one of these messages was handed out; in the order of the ids. */
    private static List<Delivery> pullAll(List<String> ids) {
        java.util.Map<String, Delivery> got = new java.util.HashMap<>();
        for (int i = 0; i < 50 && got.size() < ids.size(); i++) {
            for (Delivery d : integration().body("{\"channel\":\"" + CHANNEL + "\",\"max\":500}").post("/outreach/queue/pull")
                    .then().statusCode(200).extract().jsonPath().getList("", Delivery.class)) {
                got.put(d.id().toString(), d);
            }
        }
        return ids.stream().map(id -> java.util.Objects.requireNonNull(got.get(id), "never pulled: " + id)).toList();
    }

    @Test
    void manyAcknowledgementsInOneCallEachJudgedOnItsOwn() {
        String survey = purpose("survey", "CONSENT");
        List<String> ids = new ArrayList<>();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(reachable(survey));
            ids.add(queued(people.get(i), survey));
        }
        List<Delivery> pulled = pullAll(ids);
        // the pulled message names the grant that allows it: kind, date and source, without a read of the ledger
        Delivery first = pulled.get(0);
        assertNotNull(first.evidence(), "no evidence on " + first);
        assertEquals(first.evidenceEventId(), first.evidence().eventId());
        assertEquals("GRANT", first.evidence().kind());
        assertEquals("WEB_FORM", first.evidence().source());
        assertNotNull(first.evidence().occurredAt());

        UUID unknown = UUID.randomUUID();
        String body = "{\"acks\":[" + String.join(",", line(ids.get(0), pulled.get(0).leaseId(), "DELIVERED"),
                line(ids.get(1), pulled.get(1).leaseId(), "BOUNCED"), line(ids.get(2), UUID.randomUUID(), "DELIVERED"),
                line(unknown.toString(), UUID.randomUUID(), "FAILED"), line(ids.get(3), pulled.get(3).leaseId(), "FAILED")) + "]}";
        List<String> statuses = integration().body(body).post("/outreach/deliveries/acks").then().statusCode(200)
                .extract().jsonPath().getList("status");
        assertEquals(List.of("RECORDED", "RECORDED", "LEASE_LOST", "NOT_FOUND", "RECORDED"), statuses);

        as("analyst").get("/outreach/requests/" + ids.get(0)).then().body("status", equalTo("DELIVERED"));
        as("analyst").get("/outreach/requests/" + ids.get(1)).then().body("status", equalTo("BOUNCED"));
        as("analyst").get("/outreach/requests/" + ids.get(2)).then().body("status", equalTo("LEASED"));
        as("analyst").get("/outreach/requests/" + ids.get(3)).then().body("status", equalTo("FAILED"))
                .body("outcomeDetail", equalTo("batch"));
        // the bounce made that person's only WhatsApp number undeliverable: a new request is denied
        as("marketer").body("{\"contactId\":\"" + people.get(1) + "\",\"purpose\":\"" + survey + "\",\"channel\":\"" + CHANNEL
                + "\"}").post("/outreach/requests").then().statusCode(201).body("status", equalTo("DENIED"));

        // the same call again is harmless; the message whose lease was wrong can still be acknowledged with its own
        String again = "{\"acks\":[" + line(ids.get(0), pulled.get(0).leaseId(), "DELIVERED") + ","
                + line(ids.get(2), pulled.get(2).leaseId(), "DELIVERED") + "]}";
        assertEquals(List.of("ALREADY_RECORDED", "RECORDED"), integration().body(again).post("/outreach/deliveries/acks")
                .then().statusCode(200).extract().jsonPath().getList("status"));
        // a different outcome for an acknowledged message is refused, not recorded
        assertEquals(List.of("LEASE_LOST"), integration().body("{\"acks\":[" + line(ids.get(0), pulled.get(0).leaseId(), "FAILED")
                + "]}").post("/outreach/deliveries/acks").then().statusCode(200).extract().jsonPath().getList("status"));
        as("analyst").get("/outreach/requests/" + ids.get(0)).then().body("status", equalTo("DELIVERED"));
    }

    @Test
    void aMessageWithoutConsentEvidenceCarriesNone() {
        String notice = purpose("notice", "CONTRACT");
        UUID person = UUID.randomUUID();
        addPoint(person, CHANNEL, "+4477006" + (100000 + (int) (Math.random() * 899999)), "PROVIDED_BY_CONTACT",
                Instant.now().minusSeconds(600));
        String id = queued(person, notice);
        Delivery d = pullAll(List.of(id)).get(0);
        if (d.evidenceEventId() == null) {
            assertNull(d.evidence());
        }
        integration().body("{\"acks\":[" + line(id, d.leaseId(), "DELIVERED") + "]}").post("/outreach/deliveries/acks")
                .then().statusCode(200).body("[0].status", equalTo("RECORDED"));
    }

    @Test
    void badBatchesAreRefusedNamingTheField() {
        integration().body("{\"acks\":[]}").post("/outreach/deliveries/acks").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("acks"));
        integration().body("{}").post("/outreach/deliveries/acks").then().statusCode(400).body("errors.field", hasItem("acks"));
        String twice = line(UUID.randomUUID().toString(), UUID.randomUUID(), "DELIVERED");
        integration().body("{\"acks\":[" + twice + "," + twice + "]}").post("/outreach/deliveries/acks").then().statusCode(400)
                .body("errors.field", hasItem("acks"));
        String tooMany = java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> line(UUID.randomUUID().toString(), UUID.randomUUID(), "FAILED")).collect(Collectors.joining(","));
        integration().body("{\"acks\":[" + tooMany + "]}").post("/outreach/deliveries/acks").then().statusCode(400)
                .body("errors.field", hasItem("acks"));
        integration().body("{\"acks\":[{\"id\":\"" + UUID.randomUUID() + "\",\"leaseId\":\"" + UUID.randomUUID()
                + "\",\"outcome\":\"READ\"}]}").post("/outreach/deliveries/acks").then().statusCode(400);
        as("marketer").body("{\"acks\":[" + twice + "]}").post("/outreach/deliveries/acks").then().statusCode(403);
    }
}

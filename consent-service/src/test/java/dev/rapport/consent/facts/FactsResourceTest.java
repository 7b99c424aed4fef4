package dev.rapport.consent.facts;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactsResourceTest {

    static ValidatableResponse decide(UUID contactId, String purpose, String channel) {
        return as("marketer").body("{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"" + channel + "\"}")
                .post("/decisions").then().statusCode(200);
    }

    @Test
    void aRedeliveredEventIsANoOpAndOnlyAHashIsKept() {
        UUID ada = UUID.randomUUID();
        UUID point = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String batch = pointEvent(eventId, "ADDED", ada, point, "EMAIL", "ada@example.org", "PROVIDED_BY_CONTACT", Instant.now());
        integration().body(batch).post("/contact-point-facts/events").then().statusCode(200)
                .body("applied", equalTo(1)).body("duplicates", equalTo(0));
        integration().body(batch).post("/contact-point-facts/events").then().statusCode(200)
                .body("applied", equalTo(0)).body("duplicates", equalTo(1));
        agent().get("/contacts/" + ada + "/contact-points").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].channel", equalTo("EMAIL"))
                .body("[0].provenance", equalTo("PROVIDED_BY_CONTACT"))
                .body("[0].givenByPerson", equalTo(true))
                .body(not(containsString("ada@example.org")));
    }

    @Test
    void aBatchWithSeveralPointsOfOneContactIsStoredTogether() {
        UUID fay = UUID.randomUUID();
        Instant t = Instant.now();
        String one = pointEvent(UUID.randomUUID(), "ADDED", fay, UUID.randomUUID(), "EMAIL", "fay@example.org", "PROVIDED_BY_CONTACT", t);
        String two = pointEvent(UUID.randomUUID(), "ADDED", fay, UUID.randomUUID(), "PHONE", "+447700900999", "IMPORTED", t);
        integration().body("[" + one.replaceAll("^\\[|\\]$", "") + "," + two.replaceAll("^\\[|\\]$", "") + "]")
                .post("/contact-point-facts/events").then().statusCode(200).body("applied", equalTo(2));
        agent().get("/contacts/" + fay + "/contact-points").then().body("channel", org.hamcrest.Matchers.containsInAnyOrder("EMAIL", "PHONE"));
    }

    @Test
    void removedPointsAreNoLongerUsedAndLateOlderChangesLose() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID bob = UUID.randomUUID();
        UUID point = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        String added = pointEvent(UUID.randomUUID(), "ADDED", bob, point, "EMAIL", "bob@example.org", "PROVIDED_BY_CONTACT", t);
        String removed = pointEvent(UUID.randomUUID(), "REMOVED", bob, point, "EMAIL", "bob@example.org", "PROVIDED_BY_CONTACT", t.plusSeconds(1));
        integration().body(added).post("/contact-point-facts/events").then().statusCode(200);
        record(bob, "GRANT", newsletter, "EMAIL", "");
        decide(bob, newsletter, "EMAIL").body("allowed", equalTo(true));
        integration().body(removed).post("/contact-point-facts/events").then().statusCode(200);
        decide(bob, newsletter, "EMAIL").body("allowed", equalTo(false)).body("reasons.code", contains("no-usable-contact-point"));
        // An older UPDATED arriving after the removal (lower seq) does not bring the point back.
        String stale = added.replaceFirst("\"seq\":\\d+", "\"seq\":1").replace("\"ADDED\"", "\"UPDATED\"")
                .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"");
        integration().body(stale).post("/contact-point-facts/events").then().statusCode(200);
        decide(bob, newsletter, "EMAIL").body("allowed", equalTo(false));
    }

    @Test
    void aChangedAddressIsNotCoveredByAPointSpecificGrant() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID cy = UUID.randomUUID();
        UUID point = addPoint(cy, "EMAIL", "cy@old.example", "ENRICHMENT", Instant.now().minusSeconds(60));
        record(cy, "GRANT", newsletter, null, ",\"contactPointId\":\"" + point + "\"");
        decide(cy, newsletter, "EMAIL").body("allowed", equalTo(true));
        integration().body(pointEvent(UUID.randomUUID(), "UPDATED", cy, point, "EMAIL", "cy@new.example", "ENRICHMENT", Instant.now()))
                .post("/contact-point-facts/events").then().statusCode(200);
        decide(cy, newsletter, "EMAIL").body("allowed", equalTo(false)).body("reasons.code", hasItem("point-not-given-by-person"));
    }

    @Test
    void aMergedContactsConsentFollowsTheSurvivor() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID old = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        UUID point = addPoint(old, "EMAIL", "dee@example.org", "PROVIDED_BY_CONTACT", t);
        String grant = record(old, "GRANT", newsletter, "EMAIL", "");
        // contacts-service moves the point (REMOVED on the old contact, ADDED on the survivor), then says MERGED.
        integration().body("[" + pointEvent(UUID.randomUUID(), "REMOVED", old, point, "EMAIL", "dee@example.org", "PROVIDED_BY_CONTACT", t)
                        .replaceAll("^\\[|\\]$", "") + ","
                        + pointEvent(UUID.randomUUID(), "ADDED", survivor, point, "EMAIL", "dee@example.org", "PROVIDED_BY_CONTACT", t)
                        .replaceAll("^\\[|\\]$", "") + ","
                        + "{\"eventId\":\"" + UUID.randomUUID() + "\",\"seq\":" + dev.rapport.consent.support.Api.nextSeq()
                        + ",\"type\":\"contact-point-changed\",\"occurredAt\":\"" + Instant.now() + "\",\"payload\":{\"change\":\"MERGED\","
                        + "\"contactId\":\"" + survivor + "\",\"mergedContactId\":\"" + old + "\"}}]")
                .post("/contact-point-facts/events").then().statusCode(200).body("applied", equalTo(3));
        decide(survivor, newsletter, "EMAIL").body("allowed", equalTo(true)).body("evidenceEventId", equalTo(grant))
                .body("contactPointId", equalTo(point.toString()));
        decide(old, newsletter, "EMAIL").body("allowed", equalTo(true));
    }

    @Test
    void aBadEventRejectsTheWholeBatch() {
        UUID eve = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String good = pointEvent(first, "ADDED", eve, UUID.randomUUID(), "EMAIL", "eve@example.org", "PROVIDED_BY_CONTACT", Instant.now())
                .replaceAll("^\\[|\\]$", "");
        String noChannel = pointEvent(UUID.randomUUID(), "ADDED", eve, UUID.randomUUID(), "EMAIL", "x@example.org", "IMPORTED", Instant.now())
                .replaceAll("^\\[|\\]$", "").replace(",\"channel\":\"EMAIL\"", "");
        integration().body("[" + good + "," + noChannel + "]").post("/contact-point-facts/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("[1].payload.channel"));
        integration().body("[" + good + "," + noChannel.replace("\"IMPORTED\"", "\"BOUGHT\"") + "]").post("/contact-point-facts/events")
                .then().statusCode(400).body("errors.field", hasItem("[1].payload.provenance"));
        integration().body("[" + good + "]").post("/contact-point-facts/events").then().statusCode(200).body("applied", equalTo(1));
        integration().body("[]").post("/contact-point-facts/events").then().statusCode(400);
        agent().body("[" + good + "]").post("/contact-point-facts/events").then().statusCode(403);
    }
}

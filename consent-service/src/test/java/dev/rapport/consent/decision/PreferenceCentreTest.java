package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the preference centre needs from consent-service: a person asks whether their own addresses may be used (with
 * every reason) and nobody else's, "not now, until …" defers decisions with the reason paused, and a person erases
 * their own consent data.
 */
@QuarkusTest
class PreferenceCentreTest {

    static String decision(UUID contactId, String purpose, String extra) {
        return "{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\"" + extra + "}";
    }

    @Test
    void aPersonAsksAboutTheirOwnAddressesOnly() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID me = UUID.randomUUID();
        UUID bought = addPoint(me, "EMAIL", "me@vendor.example", "ENRICHMENT", Instant.now().minusSeconds(600));
        contact(me).body(decision(me, newsletter, ",\"contactPointId\":\"" + bought + "\"")).post("/decisions").then()
                .statusCode(200).body("allowed", equalTo(false))
                .body("reasons.code", hasItem("point-not-given-by-person")).body("reasons.code", hasItem("no-consent"));
        contact(me).body(decision(UUID.randomUUID(), newsletter, "")).post("/decisions").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void notNowUntilSaysNoWithPausedAndTheInstantItEnds() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID me = UUID.randomUUID();
        addPoint(me, "EMAIL", "me@example.org", "PROVIDED_BY_CONTACT", Instant.parse("2025-12-01T00:00:00Z"));
        String grant = record(me, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"2026-01-01T00:00:00Z\"");
        int version = contact(me).body("{\"pausedUntil\":\"2026-06-01T00:00:00Z\"}").put("/contacts/" + me + "/policy").then()
                .statusCode(200).body("pausedUntil", equalTo("2026-06-01T00:00:00Z")).extract().path("version");
        agent().body(decision(me, newsletter, ",\"at\":\"2026-03-01T00:00:00Z\"")).post("/decisions").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons.code", contains("paused"))
                .body("notBefore", equalTo("2026-06-01T00:00:00Z")).body("evidenceEventId", equalTo(grant));
        agent().body(decision(me, newsletter, ",\"at\":\"2026-06-01T00:00:00Z\"")).post("/decisions").then().statusCode(200)
                .body("allowed", equalTo(true)).body("notBefore", nullValue());

        // with quiet hours as well, the first instant after the pause outside them (07:00 in Tokyo = 22:00Z)
        contact(me).body("{\"pausedUntil\":\"2026-06-01T15:00:00Z\",\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"07:00\","
                + "\"timeZone\":\"Asia/Tokyo\",\"version\":" + version + "}").put("/contacts/" + me + "/policy").then().statusCode(200);
        agent().body(decision(me, newsletter, ",\"at\":\"2026-03-01T03:00:00Z\"")).post("/decisions").then().statusCode(200)
                .body("reasons.code", contains("paused")).body("notBefore", equalTo("2026-06-01T22:00:00Z"));
    }

    @Test
    void outreachAskedForDuringAPauseIsDeniedNotKeptForLater() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID me = UUID.randomUUID();
        addPoint(me, "EMAIL", "paused@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(600));
        record(me, "GRANT", newsletter, "EMAIL", "");
        String until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        contact(me).body("{\"pausedUntil\":\"" + until + "\"}").put("/contacts/" + me + "/policy").then().statusCode(200);
        as("marketer").body("{\"contactId\":\"" + me + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\"}")
                .post("/outreach/requests").then().statusCode(201).body("status", equalTo("DENIED"))
                .body("decision.reasons.code", contains("paused")).body("decision.notBefore", notNullValue());
    }

    @Test
    void aPersonErasesThemselvesAndNobodyElse() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID me = UUID.randomUUID();
        addPoint(me, "EMAIL", "erase-me@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        record(me, "GRANT", newsletter, "EMAIL", "");
        contact(me).post("/contacts/" + UUID.randomUUID() + "/erasure").then().statusCode(403);
        contact(me).post("/contacts/" + me + "/erasure").then().statusCode(200).body("chain.valid", equalTo(true));
    }
}

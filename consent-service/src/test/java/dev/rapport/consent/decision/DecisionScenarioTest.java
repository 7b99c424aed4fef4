package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scenario: work e-mail given on a web form with newsletter consent, personal phone from a vendor. */
@QuarkusTest
class DecisionScenarioTest {

    static ValidatableResponse decide(UUID contactId, String purpose, String channel, Instant at) {
        return as("marketer").body("{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\""
                        + (channel == null ? "" : ",\"channel\":\"" + channel + "\"")
                        + (at == null ? "" : ",\"at\":\"" + at + "\"") + "}")
                .post("/decisions").then().statusCode(200);
    }

    @Test
    void givenEmailWithNewsletterConsentAndABoughtPhone() {
        String newsletter = purpose("newsletter", "CONSENT");
        String sales = purpose("sales", "CONSENT");
        UUID ada = UUID.randomUUID();
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        UUID email = addPoint(ada, "EMAIL", "ada@work.example", "PROVIDED_BY_CONTACT", threeDaysAgo);
        UUID phone = addPoint(ada, "PHONE", "+447700900123", "ENRICHMENT", threeDaysAgo);
        String grant = record(ada, "GRANT", newsletter, "EMAIL",
                ",\"occurredAt\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\"");

        decide(ada, newsletter, "EMAIL", null)
                .body("allowed", equalTo(true))
                .body("reasons", org.hamcrest.Matchers.empty())
                .body("contactPointId", equalTo(email.toString()))
                .body("channel", equalTo("EMAIL"))
                .body("evidenceEventId", equalTo(grant));
        decide(ada, sales, "PHONE", null)
                .body("allowed", equalTo(false))
                .body("reasons.code", hasItem("point-not-given-by-person"))
                .body("contactPointId", nullValue());
        decide(ada, sales, "EMAIL", null)
                .body("allowed", equalTo(false))
                .body("reasons.code", contains("no-consent"));
        // A channel-wide newsletter grant on PHONE would still not cover the bought number.
        record(ada, "GRANT", newsletter, "PHONE", "");
        decide(ada, newsletter, "PHONE", null).body("allowed", equalTo(false))
                .body("reasons.code", contains("point-not-given-by-person"));
        // ...but the person confirming that very number does.
        String pointGrant = record(ada, "GRANT", newsletter, null, ",\"contactPointId\":\"" + phone + "\"");
        decide(ada, newsletter, "PHONE", null).body("allowed", equalTo(true)).body("evidenceEventId", equalTo(pointGrant));

        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        record(ada, "WITHDRAW", newsletter, "EMAIL", "");
        decide(ada, newsletter, "EMAIL", null).body("allowed", equalTo(false)).body("reasons.code", contains("withdrawn"));
        decide(ada, newsletter, "EMAIL", yesterday).body("allowed", equalTo(true)).body("evidenceEventId", equalTo(grant))
                .body("evaluatedAt", equalTo(yesterday.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString()));
    }

    @Test
    void nonConsentBasisStillOnlyUsesPointsThePersonGaveAndYieldsToObjections() {
        String service = purpose("service", "LEGITIMATE_INTEREST");
        UUID bob = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(60);
        UUID email = addPoint(bob, "EMAIL", "bob@home.example", "PROVIDED_BY_CONTACT", before);
        addPoint(bob, "SMS", "+447700900124", "INFERRED", before);
        decide(bob, service, "EMAIL", null).body("allowed", equalTo(true)).body("contactPointId", equalTo(email.toString()))
                .body("evidenceEventId", nullValue());
        decide(bob, service, "SMS", null).body("allowed", equalTo(false)).body("reasons.code", contains("point-not-given-by-person"));
        record(bob, "OBJECT", service, null, ",\"until\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"");
        decide(bob, service, "EMAIL", null).body("allowed", equalTo(false)).body("reasons.code", contains("objection"));
        decide(bob, service, "EMAIL", Instant.now().plus(Duration.ofDays(31))).body("allowed", equalTo(true));
    }

    @Test
    void unknownContactPurposeAndExpiryAreReasons() {
        String newsletter = purpose("newsletter", "CONSENT");
        decide(UUID.randomUUID(), newsletter, "EMAIL", null).body("allowed", equalTo(false))
                .body("reasons.code", contains("unknown-contact"));
        UUID eve = UUID.randomUUID();
        addPoint(eve, "EMAIL", "eve@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(600));
        decide(eve, "no-such-purpose", "EMAIL", null).body("allowed", equalTo(false)).body("reasons.code", contains("unknown-purpose"));
        record(eve, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"" + Instant.now().minusSeconds(300)
                + "\",\"expiresAt\":\"" + Instant.now().minusSeconds(100) + "\"");
        decide(eve, newsletter, "EMAIL", null).body("allowed", equalTo(false)).body("reasons.code", contains("expired"));
        decide(eve, newsletter, "SMS", null).body("allowed", equalTo(false)).body("reasons.code", contains("no-usable-contact-point"));
    }

    @Test
    void policyDoNotContactQuietHoursAndPreferredChannel() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID cy = UUID.randomUUID();
        Instant before = Instant.parse("2025-12-01T00:00:00Z");
        addPoint(cy, "EMAIL", "cy@example.org", "PROVIDED_BY_CONTACT", before);
        UUID sms = addPoint(cy, "SMS", "+447700900125", "PROVIDED_BY_CONTACT", before);
        record(cy, "GRANT", newsletter, "EMAIL", "");
        record(cy, "GRANT", newsletter, "SMS", "");
        as("agent").body("{\"preferredChannels\":[\"SMS\",\"EMAIL\"]}").put("/contacts/" + cy + "/policy").then().statusCode(200);
        decide(cy, newsletter, null, null).body("allowed", equalTo(true)).body("contactPointId", equalTo(sms.toString()))
                .body("channel", equalTo("SMS"));

        // Quiet hours 22:00-07:00 in Tokyo: 2026-01-10T14:00Z is 23:00 there, 2026-01-10T03:00Z is noon.
        as("agent").body("{\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"07:00\",\"timeZone\":\"Asia/Tokyo\",\"version\":0}")
                .put("/contacts/" + cy + "/policy").then().statusCode(200);
        record(cy, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"2026-01-01T00:00:00Z\"");
        decide(cy, newsletter, "EMAIL", Instant.parse("2026-01-10T14:00:00Z")).body("allowed", equalTo(false))
                .body("reasons.code", contains("quiet-hours"));
        decide(cy, newsletter, "EMAIL", Instant.parse("2026-01-10T03:00:00Z")).body("allowed", equalTo(true));

        as("agent").body("{\"doNotContact\":true,\"version\":1}").put("/contacts/" + cy + "/policy").then().statusCode(200);
        decide(cy, newsletter, "EMAIL", null).body("allowed", equalTo(false)).body("reasons.code", hasItems("do-not-contact"));
    }

    @Test
    void badDecisionInputNamesTheField() {
        as("marketer").body("{\"contactId\":\"nope\",\"purpose\":\"newsletter\"}").post("/decisions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("contactId"));
        as("marketer").body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"newsletter\",\"channel\":\"PIGEON\"}")
                .post("/decisions").then().statusCode(400).body("errors.field", hasItem("channel"));
        as("marketer").body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"newsletter\",\"at\":\"yesterday\"}")
                .post("/decisions").then().statusCode(400).body("errors.field", hasItem("at"));
        as("marketer").body("{\"contactId\":\"" + UUID.randomUUID() + "\"}").post("/decisions").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        as("contact").body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"newsletter\"}").post("/decisions")
                .then().statusCode(403);
    }
}

package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.admin;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Quiet hours defer rather than deny; a bounce retires a contact point; as-of decisions read the points of then. */
@QuarkusTest
class DecisionGapsTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static ValidatableResponse decide(UUID contactId, String purpose, String extra) {
        return as("marketer").body("{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\""
                + extra + "}").post("/decisions").then().statusCode(200);
    }

    static String outreach(UUID contactId, String purpose) {
        return "{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\","
                + "\"campaign\":\"gaps\",\"payloadRef\":\"mail:gaps\"}";
    }

    static List<String> pulledIds() {
        return integration().body("{\"channel\":\"EMAIL\",\"max\":500}").post("/outreach/queue/pull").then().statusCode(200)
                .extract().jsonPath().getList("id");
    }

    Object sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            if (!query.startsWith("select")) {
                return s.executeUpdate(query);
            }
            try (ResultSet r = s.executeQuery(query)) {
                return r.next() ? r.getObject(1) : null;
            }
        }
    }

    @Test
    void quietHoursDeferWithTheInstantTheyEnd() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID cy = UUID.randomUUID();
        UUID email = addPoint(cy, "EMAIL", "cy@example.org", "PROVIDED_BY_CONTACT", Instant.parse("2025-12-01T00:00:00Z"));
        String grant = record(cy, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"2026-01-01T00:00:00Z\"");
        agent().body("{\"quietHoursStart\":\"22:00\",\"quietHoursEnd\":\"07:00\",\"timeZone\":\"Asia/Tokyo\"}")
                .put("/contacts/" + cy + "/policy").then().statusCode(200);
        // 2026-01-10T14:00Z is 23:00 in Tokyo; the quiet hours end at 07:00 there, 2026-01-10T22:00Z.
        decide(cy, newsletter, ",\"at\":\"2026-01-10T14:00:00Z\"").body("allowed", equalTo(false))
                .body("reasons.code", contains("quiet-hours"))
                .body("notBefore", equalTo("2026-01-10T22:00:00Z"))
                .body("contactPointId", equalTo(email.toString()))
                .body("evidenceEventId", equalTo(grant));
        // 01:00 in Tokyo (after midnight): the same night's end.
        decide(cy, newsletter, ",\"at\":\"2026-01-10T16:00:00Z\"").body("notBefore", equalTo("2026-01-10T22:00:00Z"));
        decide(cy, newsletter, ",\"at\":\"2026-01-10T22:00:00Z\"").body("allowed", equalTo(true)).body("notBefore", nullValue());
        // Another obstacle besides the clock: a plain no, nothing to wait for.
        record(cy, "WITHDRAW", newsletter, "EMAIL", ",\"occurredAt\":\"2026-01-05T00:00:00Z\"");
        decide(cy, newsletter, ",\"at\":\"2026-01-10T14:00:00Z\"").body("allowed", equalTo(false))
                .body("reasons.code", contains("withdrawn", "quiet-hours")).body("notBefore", nullValue());
    }

    @Test
    void outreachInQuietHoursWaitsInTheQueueUntilTheyEnd() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID dee = UUID.randomUUID();
        UUID email = addPoint(dee, "EMAIL", "dee@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(600));
        record(dee, "GRANT", newsletter, "EMAIL", "");
        // Quiet hours around the present minute, in UTC.
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        agent().body("{\"quietHoursStart\":\"" + now.minusHours(1).format(hhmm) + "\",\"quietHoursEnd\":\""
                + now.plusHours(2).format(hhmm) + "\",\"timeZone\":\"UTC\"}").put("/contacts/" + dee + "/policy").then().statusCode(200);

        var created = as("marketer").body(outreach(dee, newsletter)).post("/outreach/requests").then().statusCode(201)
                .body("status", equalTo("QUEUED"))
                .body("decision.allowed", equalTo(false))
                .body("decision.reasons.code", contains("quiet-hours"))
                .body("decision.notBefore", notNullValue())
                .body("decision.contactPointId", equalTo(email.toString()))
                .extract().jsonPath();
        String id = created.getString("id");
        Instant notBefore = Instant.parse(created.getString("decision.notBefore"));
        assertTrue(notBefore.isAfter(Instant.now().plus(Duration.ofMinutes(100))), "ends about two hours from now: " + notBefore);
        for (int i = 0; i < 3; i++) {
            assertTrue(!pulledIds().contains(id), "a deferred message is invisible before its notBefore");
        }

        // The instant passes while the quiet hours still hold (e.g. the person moved them): put back until they end.
        sql("update outreach set not_before = now() - interval '1 second' where id = '" + id + "'");
        assertTrue(!pulledIds().contains(id));
        assertEquals("QUEUED", sql("select status from outreach where id = '" + id + "'"));
        assertTrue(((java.sql.Timestamp) sql("select not_before from outreach where id = '" + id + "'"))
                .toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(100))));

        // Quiet hours over: it is handed out.
        agent().body("{\"version\":0}").put("/contacts/" + dee + "/policy").then().statusCode(200);
        sql("update outreach set not_before = now() - interval '1 second' where id = '" + id + "'");
        assertTrue(pulledIds().contains(id));
    }

    @Test
    void aBouncedPointIsNotChosenUntilItChanges() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID eve = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(600);
        UUID first = addPoint(eve, "EMAIL", "eve@old.example", "PROVIDED_BY_CONTACT", before);
        record(eve, "GRANT", newsletter, "EMAIL", "");
        String id = as("marketer").body(outreach(eve, newsletter)).post("/outreach/requests").then().statusCode(201)
                .body("status", equalTo("QUEUED")).body("decision.contactPointId", equalTo(first.toString())).extract().path("id");
        Instant beforeBounce = Instant.now();
        var lease = pull(id);
        integration().body("{\"leaseId\":\"" + lease + "\",\"outcome\":\"BOUNCED\",\"detail\":\"550 no such user\"}")
                .post("/outreach/deliveries/" + id + "/ack").then().statusCode(204);

        decide(eve, newsletter, "").body("allowed", equalTo(false)).body("reasons.code", contains("contact-point-undeliverable"));
        as("analyst").get("/contacts/" + eve + "/contact-points").then().statusCode(200)
                .body("find { it.contactPointId == '" + first + "' }.undeliverableAt", notNullValue());
        // As of before the bounce, the point was fine.
        decide(eve, newsletter, ",\"at\":\"" + beforeBounce + "\"").body("allowed", equalTo(true));
        // Another address is chosen while the bounced one is retired.
        UUID second = addPoint(eve, "EMAIL", "eve@new.example", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        decide(eve, newsletter, "").body("allowed", equalTo(true)).body("contactPointId", equalTo(second.toString()));
        // contacts-service reports a change to the bounced point (say, corrected): it may be used again.
        integration().body(pointEvent(UUID.randomUUID(), "UPDATED", eve, first, "EMAIL", "eve@old.example", "PROVIDED_BY_CONTACT",
                before)).post("/contact-point-facts/events").then().statusCode(200);
        as("marketer").body("{\"contactId\":\"" + eve + "\",\"purpose\":\"" + newsletter + "\",\"contactPointId\":\"" + first + "\"}")
                .post("/decisions").then().statusCode(200).body("allowed", equalTo(true));
    }

    static String pull(String id) {
        for (int i = 0; i < 50; i++) {
            var got = integration().body("{\"channel\":\"EMAIL\",\"max\":500}").post("/outreach/queue/pull").then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = got.getList("id");
            int at = ids.indexOf(id);
            if (at >= 0) {
                return got.getString("[" + at + "].leaseId");
            }
        }
        throw new AssertionError("message " + id + " was never pulled");
    }

    @Test
    void asOfDecisionsReadTheContactPointAsItWasThen() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID fay = UUID.randomUUID();
        Instant added = Instant.now().minus(Duration.ofDays(2));
        UUID email = addPoint(fay, "EMAIL", "fay@example.org", "PROVIDED_BY_CONTACT", added);
        record(fay, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"" + added.plusSeconds(60) + "\"");
        Thread.sleep(5);
        Instant whileGiven = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Thread.sleep(5);
        // contacts-service corrects the provenance: the address came from a vendor after all.
        integration().body(pointEvent(UUID.randomUUID(), "UPDATED", fay, email, "EMAIL", "fay@example.org", "ENRICHMENT",
                Instant.now())).post("/contact-point-facts/events").then().statusCode(200);

        decide(fay, newsletter, "").body("allowed", equalTo(false)).body("reasons.code", hasItem("point-not-given-by-person"));
        decide(fay, newsletter, ",\"at\":\"" + whileGiven + "\"").body("allowed", equalTo(true))
                .body("contactPointId", equalTo(email.toString()));
        // Bulk as of the same instant agrees.
        String line = as("marketer").contentType("text/plain").body(fay + "\n")
                .post("/decisions/bulk?purpose=" + newsletter + "&channel=EMAIL&at=" + whileGiven).then().statusCode(200)
                .extract().asString().strip();
        assertTrue(line.contains("\"allowed\":true"), line);

        // Erasure removes the point's history with the point.
        assertEquals(2L, sql("select count(*) from contact_point_fact_versions where contact_id = '" + fay + "'"));
        admin().post("/contacts/" + fay + "/erasure").then().statusCode(200);
        assertEquals(0L, sql("select count(*) from contact_point_fact_versions where contact_id = '" + fay + "'"));
        decide(fay, newsletter, ",\"at\":\"" + whileGiven + "\"").body("allowed", equalTo(false))
                .body("reasons.code", not(hasItem("point-not-given-by-person")));
    }
}

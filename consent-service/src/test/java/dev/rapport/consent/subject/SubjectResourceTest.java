package dev.rapport.consent.subject;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.admin;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubjectResourceTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    @Test
    void aPersonExportsEverythingHeldAboutThem() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        addPoint(ada, "EMAIL", "ada@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        contact(ada).body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"PREFERENCE_CENTRE\","
                + "\"evidence\":{\"ipAddress\":\"203.0.113.7\"}}").post("/contacts/" + ada + "/consent-events").then().statusCode(201);
        contact(ada).body("{\"doNotContact\":false,\"maxTouches\":5}").put("/contacts/" + ada + "/policy").then().statusCode(200);
        as("marketer").body("{\"contactId\":\"" + ada + "\",\"purpose\":\"" + newsletter + "\"}").post("/outreach/requests")
                .then().statusCode(201);
        contact(ada).get("/contacts/" + ada + "/data-export").then().statusCode(200)
                .body("contactId", equalTo(ada.toString()))
                .body("policy.maxTouches", equalTo(5))
                .body("contactPoints", hasSize(1))
                .body("contactPoints[0].provenance", equalTo("PROVIDED_BY_CONTACT"))
                .body("ledger", hasSize(1))
                .body("ledger[0].evidence.ipAddress", equalTo("203.0.113.7"))
                .body("consentsNow[0].status", equalTo("GRANTED"))
                .body("outreach", hasSize(1))
                .body(not(containsString("ada@example.org")));
        contact(UUID.randomUUID()).get("/contacts/" + ada + "/data-export").then().statusCode(403);
        as("marketer").get("/contacts/" + ada + "/data-export").then().statusCode(403);
    }

    @Test
    void erasureLeavesAPiiFreeProofThatStillVerifies() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID bob = UUID.randomUUID();
        addPoint(bob, "EMAIL", "bob@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"AGENT\","
                + "\"evidence\":{\"note\":\"Bob Smith said yes at the Leeds fair\",\"userAgent\":\"Mozilla/5.0\"}}")
                .post("/contacts/" + bob + "/consent-events").then().statusCode(201);
        agent().body("{\"preferredChannels\":[\"EMAIL\"]}").put("/contacts/" + bob + "/policy").then().statusCode(200);
        as("marketer").body("{\"contactId\":\"" + bob + "\",\"purpose\":\"" + newsletter + "\"}").post("/outreach/requests")
                .then().statusCode(201).body("status", equalTo("QUEUED"));

        agent().post("/contacts/" + bob + "/erasure").then().statusCode(403);
        admin().post("/contacts/" + bob + "/erasure").then().statusCode(200)
                .body("erasedAt", notNullValue()).body("ledgerEventsKept", equalTo(2))
                .body("chain.valid", equalTo(true)).body("chain.events", equalTo(2));
        admin().post("/contacts/" + bob + "/erasure").then().statusCode(200).body("ledgerEventsKept", equalTo(2));

        admin().get("/contacts/" + bob + "/data-export").then().statusCode(200)
                .body("erasedAt", notNullValue())
                .body("contactPoints", hasSize(0))
                .body("outreach", hasSize(0))
                .body("policy.version", nullValue())
                .body("ledger.kind", contains("GRANT", "ERASURE"))
                .body("ledger[0].evidence.note", nullValue())
                .body("ledger[0].evidence.userAgent", nullValue())
                .body("ledger[0].purpose", equalTo(newsletter));
        agent().get("/contacts/" + bob + "/consent-chain").then().body("valid", equalTo(true));
        as("marketer").body("{\"contactId\":\"" + bob + "\",\"purpose\":\"" + newsletter + "\"}").post("/decisions").then()
                .body("allowed", equalTo(false)).body("reasons.code", contains("unknown-contact"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"AGENT\"}")
                .post("/contacts/" + bob + "/consent-events").then().statusCode(422);
        integration().body(pointEvent(UUID.randomUUID(), "ADDED", bob, UUID.randomUUID(), "EMAIL", "bob@example.org",
                "PROVIDED_BY_CONTACT", Instant.now())).post("/contact-point-facts/events").then().statusCode(200);
        agent().get("/contacts/" + bob + "/contact-points").then().body("", hasSize(0));

        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select salt from consent_subjects where contact_id = '" + bob + "'");
            assertTrue(rs.next());
            assertEquals(null, rs.getBytes(1));
            rs = s.executeQuery("select count(*) from consent_events where contact_id = '" + bob + "' and "
                    + "(note is not null or ip_address is not null or user_agent is not null)");
            rs.next();
            assertEquals(0, rs.getInt(1));
            rs = s.executeQuery("select count(*) from outreach where contact_id = '" + bob + "'");
            rs.next();
            assertEquals(0, rs.getInt(1));
            rs = s.executeQuery("select count(*) from contact_point_facts where contact_id = '" + bob + "'");
            rs.next();
            assertFalse(rs.getInt(1) > 0);
        }
        admin().post("/contacts/" + UUID.randomUUID() + "/erasure").then().statusCode(404).contentType("application/problem+json");
    }
}

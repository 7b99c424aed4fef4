package dev.rapport.contacts.contact;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.contacts.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchAndMergeTest {
    @Inject
    AgroalDataSource db;

    private static String create(String body) {
        return agent().body(body).post("/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void filtersCombineAndPagesAreStable() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String a = create("""
                {"givenName":"Anna","familyName":"Zed","lifecycleStage":"CUSTOMER","tags":["%s"],"contactPoints":[
                 {"channel":"EMAIL","address":"anna-%s@example.org","context":"WORK","provenance":{"kind":"ENRICHMENT","source":"Clearbit"}}]}"""
                .formatted(tag, tag));
        String b = create("""
                {"givenName":"Bert","familyName":"Zed","lifecycleStage":"CUSTOMER","tags":["%s"],"contactPoints":[
                 {"channel":"PHONE","address":"+442079460111","context":"WORK","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"call"}}]}"""
                .formatted(tag));
        String c = create("""
                {"givenName":"Cleo","familyName":"Zed","lifecycleStage":"LEAD","tags":["%s"]}""".formatted(tag));
        Fixtures.purchase(a, Instant.now().minus(3, ChronoUnit.DAYS), "250", "EUR");

        agent().queryParam("tag", tag).get("/contacts").then().statusCode(200)
                .body("items.id", contains(a, b, c));
        agent().queryParam("tag", tag).queryParam("stage", "CUSTOMER").queryParam("channel", "PHONE").get("/contacts").then()
                .body("items.id", contains(b));
        agent().queryParam("tag", tag).queryParam("provenance", "ENRICHMENT").get("/contacts").then()
                .body("items.id", contains(a));
        agent().queryParam("tag", tag).queryParam("minValue", 100).get("/contacts").then().body("items.id", contains(a));
        agent().queryParam("tag", tag).queryParam("maxValue", 0).get("/contacts").then().body("items.id", contains(b, c));
        agent().queryParam("tag", tag).queryParam("name", "cle").get("/contacts").then().body("items.id", contains(c));

        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            var page = agent().queryParam("tag", tag).queryParam("limit", 1).queryParam("cursor", cursor).get("/contacts")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(List.of(a, b, c), paged);

        agent().queryParam("stage", "NOPE").get("/contacts").then().statusCode(400).body("errors.field", hasItem("stage"));
        agent().queryParam("minValue", "lots").get("/contacts").then().statusCode(400).body("errors.field", hasItem("minValue"));
        agent().queryParam("organisationId", "acme").get("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("organisationId"));
        agent().queryParam("minValue", 10).queryParam("maxValue", 5).get("/contacts").then().statusCode(400)
                .body("errors.field", hasItem("minValue"));
    }

    @Test
    void mergeKeepsEveryPointWithProvenanceAndTheWholeTimeline() throws Exception {
        String survivor = create("""
                {"givenName":"Maya","familyName":"Ng","tags":["a"],"contactPoints":[
                 {"channel":"EMAIL","address":"maya-%1$s@example.org","context":"WORK","provenance":{"kind":"IMPORTED","source":"old.csv"}}]}"""
                .formatted(UUID.randomUUID()));
        String email = Fixtures.emailOf(survivor);
        String survivorEmailPoint = agent().get("/contacts/" + survivor).then().extract().path("contactPoints[0].id");
        String duplicate = create("""
                {"givenName":"Maya","owner":"zoe","tags":["b"],"contactPoints":[
                 {"channel":"EMAIL","address":"%s","context":"WORK","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"newsletter-form"}},
                 {"channel":"PHONE","address":"+442079460222","context":"PERSONAL","provenance":{"kind":"ENRICHMENT","source":"Apollo"}}]}"""
                .formatted(email));
        Fixtures.purchase(survivor, Instant.now().minus(20, ChronoUnit.DAYS), "10", "EUR");
        Fixtures.purchase(duplicate, Instant.now().minus(10, ChronoUnit.DAYS), "30", "EUR");

        agent().body("{\"mergeId\":\"" + duplicate + "\"}").post("/contacts/" + survivor + "/merge").then().statusCode(200)
                .body("id", equalTo(survivor))
                .body("owner", equalTo("zoe"))
                .body("tags", containsInAnyOrder("a", "b"))
                .body("contactPoints", hasSize(2))
                .body("contactPoints.find { it.channel == 'EMAIL' }.provenance.kind", equalTo("PROVIDED_BY_CONTACT"))
                .body("contactPoints.find { it.channel == 'PHONE' }.provenance.source", equalTo("Apollo"))
                .body("contactPoints.find { it.channel == 'EMAIL' }.id", equalTo(survivorEmailPoint));

        // consent-service learns that the duplicate's e-mail point was folded into the survivor's (same address), so a
        // consent naming the duplicate's point covers the survivor's; the phone point simply moved.
        assertEquals(survivorEmailPoint, outboxPayloadField(duplicate, "EMAIL", "REMOVED", "mergedIntoPointId"));
        assertNull(outboxPayloadField(duplicate, "PHONE", "REMOVED", "mergedIntoPointId"));

        agent().get("/contacts/" + duplicate).then().statusCode(200).body("id", equalTo(survivor));
        agent().get("/contacts/" + survivor + "/interactions").then().body("items", hasSize(2));
        agent().get("/contacts/" + duplicate + "/value").then().body("lifetimeSpend", equalTo(40.00f))
                .body("purchaseCount", equalTo(2));
        as("integration").body("""
                {"contactId":"%s","type":"CALL","occurredAt":"2026-05-01T10:00:00Z","source":"pbx","externalId":"%s"}"""
                .formatted(duplicate, UUID.randomUUID())).post("/interactions").then().statusCode(201)
                .body("contactId", equalTo(survivor));
        agent().queryParam("ids", survivor + "," + duplicate).get("/contacts").then().body("items.id", contains(survivor));

        agent().body("{\"mergeId\":\"" + duplicate + "\"}").post("/contacts/" + survivor + "/merge").then().statusCode(422);
        agent().body("{\"mergeId\":\"" + survivor + "\"}").post("/contacts/" + survivor + "/merge").then().statusCode(400)
                .body("errors.field", hasItem("mergeId"));
        agent().body("{}").post("/contacts/" + survivor + "/merge").then().statusCode(400).body("errors.field", hasItem("mergeId"));
    }

    /** A field of the outbox payload of the given change to the given contact's point on the given channel. */
    String outboxPayloadField(String contactId, String channel, String change, String field) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select payload::json->>? from outbox where event_type = 'contact-point-changed'
                and payload::json->>'contactId' = ? and payload::json->>'channel' = ? and payload::json->>'change' = ?""")) {
            s.setString(1, field);
            s.setString(2, contactId);
            s.setString(3, channel);
            s.setString(4, change);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a " + change + " event for the " + channel + " point of " + contactId);
                return rs.getString(1);
            }
        }
    }

    @Test
    void aContactSeesOnlyThemselves() {
        String me = Fixtures.contact("alice");
        String other = Fixtures.contact("alice");
        io.restassured.RestAssured.given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forContact(me))
                .get("/contacts/" + me).then().statusCode(200).body("id", equalTo(me));
        io.restassured.RestAssured.given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forContact(me))
                .get("/contacts/" + other).then().statusCode(403).contentType("application/problem+json");
        io.restassured.RestAssured.given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forContact(me))
                .get("/contacts").then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forContact(me))
                .get("/contacts/" + other + "/interactions").then().statusCode(403);
    }

    @Test
    void duplicateAddressOnOneContactIsRefused() {
        String c = Fixtures.contact("alice");
        String email = Fixtures.emailOf(c);
        agent().body("""
                {"channel":"EMAIL","address":"%s","context":"WORK","provenance":{"kind":"INFERRED"}}""".formatted(email.toUpperCase()))
                .post("/contacts/" + c + "/contact-points").then().statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/duplicate-contact-point"));
        agent().body("""
                {"channel":"EMAIL","address":"second-%s@example.org","context":"WORK","provenance":{"kind":"ENRICHMENT"}}"""
                .formatted(UUID.randomUUID())).post("/contacts/" + c + "/contact-points").then().statusCode(400)
                .body("errors.field", hasItem("provenance.source"));
        agent().body("""
                {"channel":"POSTAL","postal":{"lines":["1 High St"],"locality":"Leeds","postalCode":"ls1 1aa","country":"gb"},
                 "context":"PERSONAL","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"order-form"},"verifiedAt":"2026-01-01T00:00:00Z"}""")
                .post("/contacts/" + c + "/contact-points").then().statusCode(201)
                .body("address", equalTo("1 HIGH ST, LEEDS LS1 1AA, GB")).body("postal.country", equalTo("GB"))
                .body("verifiedAt", notNullValue()).body("region", nullValue());
    }
}

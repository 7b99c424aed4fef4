package dev.rapport.consent.bulk;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ByContactTest {

    @Test
    void ledgersGiveEachContactItsNewestEventsAndACursorToTheOlderOnes() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();
        String first = record(ada, "GRANT", newsletter, "EMAIL", "");
        String second = record(ada, "WITHDRAW", newsletter, "EMAIL", "");
        String third = record(ada, "GRANT", newsletter, "EMAIL", "");
        String bobs = record(bob, "GRANT", newsletter, "EMAIL", "");

        String next = agent().queryParam("contactIds", ada + "," + nobody + "," + bob).queryParam("limit", 2)
                .get("/by-contact/consent-events").then().statusCode(200)
                .body("contactId", contains(ada.toString(), nobody.toString(), bob.toString()))
                .body("[0].items.id", contains(third, second))
                .body("[0].next", notNullValue())
                .body("[1].items", hasSize(0))
                .body("[2].items.id", contains(bobs))
                .body("[2].next", nullValue())
                .extract().path("[0].next");
        agent().queryParam("contactIds", ada.toString()).queryParam("cursor", next).get("/by-contact/consent-events").then()
                .statusCode(200).body("[0].items.id", contains(first)).body("[0].next", nullValue());
        agent().queryParam("contactIds", ada + "," + bob).queryParam("cursor", next).get("/by-contact/consent-events").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void touchesComeNewestFirstPerContactWithTheStatusFilter() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        addPoint(ada, "EMAIL", "ada-" + ada + "@example.org", "PROVIDED_BY_CONTACT", Instant.now().minus(1, ChronoUnit.DAYS));
        record(ada, "GRANT", newsletter, "EMAIL", "");
        as("marketer").body(request(bob, newsletter)).post("/outreach/requests");
        String queued = as("marketer").body(request(ada, newsletter)).post("/outreach/requests").then().extract().path("id");

        as("analyst").queryParam("contactIds", ada + "," + bob).get("/by-contact/outreach-requests").then().statusCode(200)
                .body("contactId", contains(ada.toString(), bob.toString()))
                .body("[0].items.id", contains(queued))
                .body("[1].items", hasSize(1))
                .body("[1].items[0].status", equalTo("DENIED"));
        as("analyst").queryParam("contactIds", ada + "," + bob).queryParam("status", "DENIED").get("/by-contact/outreach-requests")
                .then().statusCode(200).body("[0].items", hasSize(0)).body("[1].items", hasSize(1));
        as("analyst").queryParam("contactIds", ada.toString()).queryParam("status", "LOST").get("/by-contact/outreach-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        // paged by cursor: Bob's second request, after the first, then nothing more
        String second = as("marketer").body(request(bob, newsletter).replace("spring", "summer")).post("/outreach/requests").then().extract().path("id");
        io.restassured.path.json.JsonPath newest = as("analyst").queryParam("contactIds", bob.toString()).queryParam("limit", 1)
                .get("/by-contact/outreach-requests").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(second), newest.getList("[0].items.id"));
        org.junit.jupiter.api.Assertions.assertEquals(newest.getList("[0].cursors"), List.of(newest.getString("[0].next")));
        as("analyst").queryParam("contactIds", bob.toString()).queryParam("limit", 1).queryParam("cursor", newest.getString("[0].next"))
                .get("/by-contact/outreach-requests").then().statusCode(200)
                .body("[0].items", hasSize(1)).body("[0].items[0].status", equalTo("DENIED")).body("[0].next", equalTo(null));
        as("analyst").queryParam("contactIds", bob.toString()).queryParam("cursor", "not-a-cursor").get("/by-contact/outreach-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static String request(UUID contactId, String purpose) {
        return "{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\","
                + "\"campaign\":\"spring\",\"payloadRef\":\"mail:spring\"}";
    }

    @Test
    void badIdListsAndOtherPeoplesLedgersAreRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(UUID.randomUUID().toString());
        }
        for (String path : List.of("/by-contact/consent-events", "/by-contact/outreach-requests")) {
            as("admin").queryParam("contactIds", String.join(",", many)).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("contactIds"));
            as("admin").queryParam("contactIds", "x").get(path).then().statusCode(400).body("errors[0].field", equalTo("contactIds"));
        }
        UUID me = UUID.randomUUID();
        contact(me).queryParam("contactIds", me.toString()).get("/by-contact/consent-events").then().statusCode(200)
                .body("[0].contactId", equalTo(me.toString()));
        contact(me).queryParam("contactIds", me + "," + UUID.randomUUID()).get("/by-contact/consent-events").then().statusCode(403);
        contact(me).queryParam("contactIds", me.toString()).get("/by-contact/outreach-requests").then().statusCode(403);
        as("integration").queryParam("contactIds", me.toString()).get("/by-contact/consent-events").then().statusCode(403);
    }
}

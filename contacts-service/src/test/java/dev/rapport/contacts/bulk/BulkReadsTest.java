package dev.rapport.contacts.bulk;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.rapport.contacts.support.Fixtures;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkReadsTest {

    @Test
    void timelinesGiveEachContactItsNewestInteractionsAndItsOwnCursor() {
        String a = Fixtures.contact("o");
        String b = Fixtures.contact("o");
        String none = Fixtures.contact("o");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Fixtures.event(a, "PAGE_VIEW", now.minus(3, ChronoUnit.DAYS));
        Fixtures.event(a, "EMAIL_OPEN", now.minus(2, ChronoUnit.DAYS));
        Fixtures.event(a, "EMAIL_CLICK", now.minus(1, ChronoUnit.DAYS));
        Fixtures.event(b, "PAGE_VIEW", now.minus(5, ChronoUnit.DAYS));

        String next = agent().queryParam("contactIds", a + "," + b + "," + none).queryParam("limit", 2)
                .get("/by-contact/interactions").then().statusCode(200)
                .body("contactId", contains(a, b, none))
                .body("[0].items.type", contains("EMAIL_CLICK", "EMAIL_OPEN"))
                .body("[0].next", notNullValue())
                .body("[1].items.type", contains("PAGE_VIEW"))
                .body("[1].next", nullValue())
                .body("[2].items", hasSize(0))
                .extract().path("[0].next");
        // a contact's cursor continues that contact's timeline
        agent().queryParam("cursor", next).get("/contacts/" + a + "/interactions").then().statusCode(200)
                .body("items.type", contains("PAGE_VIEW"));
        agent().queryParam("contactIds", a).queryParam("type", "PAGE_VIEW").get("/by-contact/interactions").then()
                .statusCode(200).body("[0].items", hasSize(1));
    }

    @Test
    void leadScoresSignalsAndFollowUpsComeOnePerContactInTheOrderAsked() {
        String a = Fixtures.contact("o");
        String b = Fixtures.contact("o");
        Fixtures.event(a, "MEETING", Instant.now().minus(1, ChronoUnit.HOURS));
        agent().body("{\"dueOn\":\"" + LocalDate.now().minusDays(1) + "\",\"topic\":\"call back\",\"statedBy\":\"CONTACT\"}")
                .post("/contacts/" + a + "/follow-ups").then().statusCode(201);

        agent().queryParam("contactIds", b + "," + a).get("/lead-scores").then().statusCode(200)
                .body("contactId", contains(b, a))
                .body("[0].score", equalTo(0.0f))
                .body("[1].score", greaterThan(0.0f));
        agent().queryParam("contactIds", a + "," + b).get("/by-contact/signals").then().statusCode(200)
                .body("[0].items.kind", contains("FOLLOW_UP_DUE"))
                .body("[1].items", hasSize(0));
        agent().queryParam("contactIds", a).queryParam("contactIds", b).get("/by-contact/follow-ups").then().statusCode(200)
                .body("[0].items.topic", contains("call back"))
                .body("[1].items", hasSize(0));
    }

    @Test
    void badIdListsAreRefusedNamingTheParameter() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(UUID.randomUUID().toString());
        }
        for (String path : List.of("/lead-scores", "/by-contact/signals", "/by-contact/follow-ups", "/by-contact/interactions")) {
            agent().queryParam("contactIds", String.join(",", many)).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("contactIds"));
            agent().queryParam("contactIds", "not-a-uuid").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("contactIds"));
            agent().get(path).then().statusCode(400).body("errors[0].field", equalTo("contactIds"));
        }
        agent().queryParam("contactIds", UUID.randomUUID().toString()).queryParam("limit", 0).get("/by-contact/interactions")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        agent().queryParam("contactIds", UUID.randomUUID().toString()).queryParam("cursor", "garbage")
                .get("/by-contact/interactions").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aContactMayAskOnlyForItself() {
        String me = Fixtures.contact("o");
        String other = Fixtures.contact("o");
        String token = Tokens.forContact(me);
        for (String path : List.of("/by-contact/follow-ups", "/by-contact/interactions")) {
            given().auth().oauth2(token).queryParam("contactIds", me).get(path).then().statusCode(200)
                    .body("[0].contactId", equalTo(me));
            given().auth().oauth2(token).queryParam("contactIds", me + "," + other).get(path).then().statusCode(403);
        }
        // lead scores and signals are for staff, as their per-contact endpoints are
        given().auth().oauth2(token).queryParam("contactIds", me).get("/lead-scores").then().statusCode(403);
        given().auth().oauth2(token).queryParam("contactIds", me).get("/by-contact/signals").then().statusCode(403);
        as("integration").queryParam("contactIds", me).get("/lead-scores").then().statusCode(403);
    }
}

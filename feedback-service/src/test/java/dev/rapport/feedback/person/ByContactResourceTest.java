package dev.rapport.feedback.person;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rapport.feedback.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ByContactResourceTest {
    static final List<String> PATHS = List.of("/by-contact/cases", "/by-contact/invitations", "/by-contact/follow-ups",
            "/by-contact/ratings", "/by-contact/responses", "/by-contact/renewal-scores");

    @Test
    void eachPersonGetsTheirOwnEntryInTheOrderAskedAndNobodyIsLeftOut() {
        Person p = Person.withEverything();
        UUID nobody = UUID.randomUUID();
        String ids = nobody + "," + p.id;

        agent().queryParam("contactIds", ids).get("/by-contact/cases").then().statusCode(200)
                .body("contactId", contains(nobody.toString(), p.id.toString()))
                .body("[0].items", hasSize(0))
                .body("[1].items.id", contains(p.caseId))
                .body("[1].items[0].problem", equalTo("The boiler in flat 4 leaks"));
        agent().queryParam("contactIds", ids).queryParam("status", "CONFIRMED").get("/by-contact/cases").then().statusCode(200)
                .body("[1].items", hasSize(0));
        marketer().queryParam("contactIds", ids).get("/by-contact/invitations").then().statusCode(200)
                .body("[1].items[0].responded", equalTo(true))
                .body("[1].items[0].consultationTitle", equalTo("Plans"));
        analyst().queryParam("contactIds", ids).get("/by-contact/ratings").then().statusCode(200)
                .body("[0].items", hasSize(0))
                .body("[1].items[0].stars", equalTo(2));
        analyst().queryParam("contactIds", ids).get("/by-contact/responses").then().statusCode(200)
                .body("[1].items[0].ratings[0].initiativeId", equalTo(p.initiative))
                .body("[1].items[0].ratings[0].bucket", equalTo("ESSENTIAL"));
        analyst().queryParam("contactIds", ids).get("/by-contact/renewal-scores").then().statusCode(200)
                .body("[1].items[0].programmeName", equalTo("Season ticket"))
                .body("[1].items[0].period", equalTo("2026"))
                .body("[1].items[0].score", equalTo(4));
        marketer().queryParam("contactIds", ids).get("/by-contact/follow-ups").then().statusCode(200)
                .body("contactId", contains(nobody.toString(), p.id.toString()))
                .body("[1].items", hasSize(0));
    }

    @Test
    void eachListPagesByCursorForEveryPersonAskedWithoutRepeatingOrSkipping() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<String> annCases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            annCases.add(0, agent().body("{\"contactId\":\"" + ann + "\",\"problem\":\"Problem " + i + "\",\"channel\":\"PHONE\"}")
                    .post("/cases").then().statusCode(201).extract().path("id"));
            Api.contact(ann).body("{\"subjectType\":\"STAFF\",\"subjectId\":\"sam\",\"stars\":" + (i + 1) + ",\"contactId\":\""
                    + ann + "\"}").post("/ratings").then().statusCode(201);
        }
        agent().body("{\"contactId\":\"" + bob + "\",\"problem\":\"Bob's only one\",\"channel\":\"PHONE\"}")
                .post("/cases").then().statusCode(201);

        io.restassured.path.json.JsonPath first = agent().queryParam("contactIds", ann + "," + bob).queryParam("limit", 3)
                .get("/by-contact/cases").then().statusCode(200).extract().jsonPath();
        List<String> cursors = first.getList("[0].cursors");
        assertEquals(3, cursors.size());
        assertEquals(cursors.get(2), first.getString("[0].next"));
        assertNull(first.get("[1].next"), "Bob has no more");
        List<String> seen = new ArrayList<>(first.getList("[0].items.id"));
        // the next page of Ann's, asked with her alone
        io.restassured.path.json.JsonPath second = agent().queryParam("contactIds", ann.toString()).queryParam("limit", 3)
                .queryParam("cursor", first.getString("[0].next")).get("/by-contact/cases").then().statusCode(200)
                .extract().jsonPath();
        assertNull(second.get("[0].next"));
        seen.addAll(second.getList("[0].items.id"));
        assertEquals(annCases, seen, "newest first, each case once");
        // any item's cursor continues after that item
        agent().queryParam("contactIds", ann.toString()).queryParam("cursor", cursors.get(0)).get("/by-contact/cases")
                .then().statusCode(200).body("[0].items.id", contains(annCases.subList(1, 5).toArray()));

        List<Integer> stars = new ArrayList<>();
        String cursor = null;
        do {
            var page = analyst().queryParam("contactIds", ann.toString()).queryParam("limit", 2);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath answer = page.get("/by-contact/ratings").then().statusCode(200).extract().jsonPath();
            stars.addAll(answer.getList("[0].items.stars"));
            cursor = answer.getString("[0].next");
        } while (cursor != null);
        assertEquals(List.of(5, 4, 3, 2, 1), stars);
    }

    @Test
    void aCursorThisApiDidNotGiveOutIsRefusedNamingIt() {
        for (String path : PATHS.subList(0, 5)) {
            for (String bad : List.of("not-a-cursor", java.util.Base64.getUrlEncoder().encodeToString("v1\u001fyesterday".getBytes()))) {
                as("admin").queryParam("contactIds", UUID.randomUUID().toString()).queryParam("cursor", bad).get(path).then()
                        .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
            }
        }
    }

    @Test
    void badIdListsAreRefusedNamingTheParameter() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(UUID.randomUUID().toString());
        }
        for (String path : PATHS) {
            as("admin").queryParam("contactIds", String.join(",", many)).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("contactIds"));
            as("admin").queryParam("contactIds", "12").get(path).then().statusCode(400).body("errors[0].field", equalTo("contactIds"));
            as("admin").get(path).then().statusCode(400).body("errors[0].field", equalTo("contactIds"));
        }
        as("admin").queryParam("contactIds", UUID.randomUUID().toString()).queryParam("status", "LOST")
                .get("/by-contact/cases").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("admin").queryParam("contactIds", UUID.randomUUID().toString()).queryParam("limit", 101)
                .get("/by-contact/ratings").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aContactMayAskOnlyForItself() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (String path : PATHS.subList(0, 5)) {
            Api.contact(me).queryParam("contactIds", me.toString()).get(path).then().statusCode(200)
                    .body("[0].contactId", equalTo(me.toString()));
            Api.contact(me).queryParam("contactIds", me + "," + other).get(path).then().statusCode(403);
        }
        Api.contact(me).queryParam("contactIds", me.toString()).get("/by-contact/renewal-scores").then().statusCode(403);
        as("integration").queryParam("contactIds", me.toString()).get("/by-contact/cases").then().statusCode(403);
    }
}

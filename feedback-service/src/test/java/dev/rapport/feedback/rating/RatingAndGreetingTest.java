package dev.rapport.feedback.rating;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.contact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.feedback.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingAndGreetingTest {

    private static Instant period() {
        return Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(0, 2400) * 3L));
    }

    private static void rate(String type, String subject, String staff, String touchpoint, int stars, Instant at) {
        agent().body("{\"subjectType\":\"" + type + "\",\"subjectId\":\"" + subject + "\",\"staff\":" + (staff == null ? "null" : "\"" + staff + "\"")
                        + ",\"touchpoint\":\"" + touchpoint + "\",\"stars\":" + stars + ",\"ratedAt\":\"" + at + "\"}")
                .post("/ratings").then().statusCode(201);
    }

    @Test
    void averagesAndDistributionsPerStaffAndTouchpoint() {
        Instant t = period();
        rate("STAFF", "jo", null, "desk", 5, t);
        rate("INTERACTION", UUID.randomUUID().toString(), "jo", "desk", 4, t.plusSeconds(60));
        rate("INTERACTION", UUID.randomUUID().toString(), "jo", "chat", 2, t.plusSeconds(120));
        rate("INTERACTION", UUID.randomUUID().toString(), "sam", "chat", 1, t.plusSeconds(180));
        rate("INTERACTION", UUID.randomUUID().toString(), "sam", "chat", 1, t.plus(Duration.ofDays(2))); // outside the period

        JsonPath byStaff = analyst().queryParam("by", "staff").queryParam("from", t.toString())
                .queryParam("to", t.plus(Duration.ofDays(1)).toString()).get("/ratings/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, byStaff.getInt("overall.count"));
        assertEquals(3.0f, byStaff.getFloat("overall.average"));
        assertEquals(List.of("jo", "sam"), byStaff.getList("groups.key"));
        assertEquals(3.67f, byStaff.getFloat("groups[0].average"));
        assertEquals(List.of(0, 1, 0, 1, 1), byStaff.getList("groups[0].distribution"));
        assertEquals(List.of(1, 0, 0, 0, 0), byStaff.getList("groups[1].distribution"));

        JsonPath byTouchpoint = analyst().queryParam("by", "touchpoint").queryParam("from", t.toString())
                .queryParam("to", t.plus(Duration.ofDays(1)).toString()).get("/ratings/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("chat", "desk"), byTouchpoint.getList("groups.key"));
        assertEquals(1.5f, byTouchpoint.getFloat("groups[0].average"));
        assertEquals(4.5f, byTouchpoint.getFloat("groups[1].average"));
        analyst().queryParam("by", "staff").queryParam("subjectType", "STAFF").queryParam("from", t.toString())
                .queryParam("to", t.plus(Duration.ofDays(1)).toString()).get("/ratings/report").then()
                .body("overall.count", equalTo(1));
    }

    @Test
    void badRatingsAreRejectedAndNothingIsStored() {
        String subject = "bad-" + UUID.randomUUID();
        for (String stars : List.of("0", "6", "4.5", "\"many\"")) {
            agent().body("{\"subjectType\":\"STAFF\",\"subjectId\":\"" + subject + "\",\"stars\":" + stars + "}").post("/ratings")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("stars"));
        }
        agent().body("{\"subjectType\":\"SHOP\",\"subjectId\":\"" + subject + "\",\"stars\":3}").post("/ratings").then()
                .statusCode(400).body("errors.field", hasItem("subjectType"));
        agent().body("{\"subjectType\":\"CASE\",\"subjectId\":\"" + UUID.randomUUID() + "\",\"stars\":3}").post("/ratings").then()
                .statusCode(422).body("errors.field", hasItem("subjectId"));
        assertEquals(0L, Sql.query("select count(*) as n from ratings where subject_id = ?", subject).get(0).get("n"));

        // a customer rates their own case only
        UUID me = UUID.randomUUID();
        String caseId = contact(me).body("{\"contactId\":\"" + me + "\",\"problem\":\"Lost ticket\",\"channel\":\"WEB\"}")
                .post("/cases").then().statusCode(201).extract().path("id");
        contact(me).body("{\"subjectType\":\"CASE\",\"subjectId\":\"" + caseId + "\",\"stars\":5,\"contactId\":\"" + me + "\"}")
                .post("/ratings").then().statusCode(201);
        UUID other = UUID.randomUUID();
        contact(other).body("{\"subjectType\":\"CASE\",\"subjectId\":\"" + caseId + "\",\"stars\":1,\"contactId\":\"" + other + "\"}")
                .post("/ratings").then().statusCode(403);
        contact(other).body("{\"subjectType\":\"STAFF\",\"subjectId\":\"jo\",\"stars\":1,\"contactId\":\"" + me + "\"}")
                .post("/ratings").then().statusCode(403);
    }

    @Test
    void aRetriedRatingWithTheSameIdempotencyKeyIsRecordedOnce() {
        String subject = "retry-" + UUID.randomUUID();
        String body = "{\"subjectType\":\"STAFF\",\"subjectId\":\"" + subject + "\",\"stars\":4}";
        String key = UUID.randomUUID().toString();
        String first = agent().header("Idempotency-Key", key).body(body).post("/ratings").then().statusCode(201).extract().path("id");
        String again = agent().header("Idempotency-Key", key).body(body).post("/ratings").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        assertEquals(1L, Sql.query("select count(*) as n from ratings where subject_id = ?", subject).get(0).get("n"));
        agent().header("Idempotency-Key", key).body(body.replace("4", "2")).post("/ratings").then().statusCode(422);
    }

    @Test
    void greetingShares() {
        Instant t = period();
        String tp = "gate-" + UUID.randomUUID().toString().substring(0, 8);
        String greet = "{\"touchpoint\":\"" + tp + "\",\"occurredAt\":\"" + t + "\",";
        agent().body(greet + "\"greeted\":false,\"offeredHelp\":false,\"result\":\"NOT_OFFERED\"}").post("/greetings").then().statusCode(201);
        agent().body(greet + "\"greeted\":true,\"offeredHelp\":false,\"result\":\"NOT_OFFERED\"}").post("/greetings").then().statusCode(201);
        agent().body(greet + "\"greeted\":true,\"offeredHelp\":true,\"result\":\"NOTHING_NEEDED\"}").post("/greetings").then().statusCode(201);
        UUID fan = UUID.randomUUID();
        String caseId = agent().body(greet + "\"greeted\":true,\"offeredHelp\":true,\"result\":\"ASKED\",\"request\":\"My seat is broken\","
                        + "\"contactId\":\"" + fan + "\",\"openCase\":true}").post("/greetings").then().statusCode(201)
                .body("caseId", notNullValue()).extract().path("caseId");
        agent().get("/cases/" + caseId).then().body("problem", equalTo("My seat is broken")).body("channel", equalTo("IN_PERSON"));

        agent().body(greet + "\"greeted\":false,\"offeredHelp\":true,\"result\":\"ASKED\",\"request\":\"x\"}").post("/greetings")
                .then().statusCode(400).body("errors.field", hasItem("greeted"));
        agent().body(greet + "\"greeted\":true,\"offeredHelp\":true,\"result\":\"ASKED\"}").post("/greetings")
                .then().statusCode(400).body("errors.field", hasItem("request"));

        JsonPath r = analyst().queryParam("from", t.toString()).queryParam("to", t.plusSeconds(3600).toString())
                .get("/greetings/report").then().statusCode(200).extract().jsonPath();
        assertEquals(4, r.getInt("overall.visitors"));
        assertEquals(0.75f, r.getFloat("overall.shareGreeted"));
        assertEquals(0.25f, r.getFloat("overall.shareAsked"));
        assertEquals(0.5f, r.getFloat("overall.shareAskedWhenOffered"));
        assertEquals(tp, r.getString("touchpoints[0].touchpoint"));
    }
}

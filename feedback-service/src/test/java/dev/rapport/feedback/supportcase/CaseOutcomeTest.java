package dev.rapport.feedback.supportcase;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.feedback.support.ConsentStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseOutcomeTest {

    /** A period of its own in the past, so that other tests' cases never fall into it. */
    private static Instant period() {
        return Instant.parse("2005-01-01T00:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(0, 3000) * 2L));
    }

    private static String open(UUID contact, Instant at) {
        return agent().body("{\"contactId\":\"" + contact + "\",\"problem\":\"The heating is cold\",\"channel\":\"PHONE\","
                + "\"openedAt\":\"" + at + "\"}").post("/cases").then().statusCode(201).extract().path("id");
    }

    private static void resolve(String id, Instant at, boolean firstContact) {
        agent().body("{\"note\":\"Fixed the valve\",\"onFirstContact\":" + firstContact + ",\"resolvedAt\":\"" + at + "\"}")
                .post("/cases/" + id + "/resolution").then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    private static void answer(UUID contact, String id, String outcome) {
        contact(contact).body("{\"outcome\":\"" + outcome + "\"}").post("/cases/" + id + "/confirmation").then().statusCode(200);
    }

    @Test
    void onlyCustomerConfirmedResolutionsCount() {
        Instant base = period();
        UUID p = UUID.randomUUID();
        String c1 = open(p, base);
        String c2 = open(p, base.plus(Duration.ofHours(1)));
        String c3 = open(p, base.plus(Duration.ofHours(2)));
        String c4 = open(p, base.plus(Duration.ofHours(3)));
        open(p, base.plus(Duration.ofHours(4)));

        resolve(c1, base.plus(Duration.ofHours(2)), true);
        answer(p, c1, "CONFIRMED");
        resolve(c2, base.plus(Duration.ofHours(5)), false);
        answer(p, c2, "CONFIRMED");
        resolve(c3, base.plus(Duration.ofHours(12)), true);
        answer(p, c3, "NOT_RESOLVED");      // reopens; no longer a first-contact resolution
        agent().get("/cases/" + c3).then().body("status", equalTo("OPEN")).body("reopenCount", equalTo(1))
                .body("history.type", contains("OPENED", "RESOLVED", "NOT_RESOLVED"));
        resolve(c3, base.plus(Duration.ofHours(30)), true);
        answer(p, c3, "CONFIRMED");
        resolve(c4, base.plus(Duration.ofHours(4)), true); // closed by staff, never confirmed

        JsonPath m = analyst().queryParam("from", base.toString()).queryParam("to", base.plus(Duration.ofDays(1)).toString())
                .get("/cases/metrics").then().statusCode(200).extract().jsonPath();
        assertEquals(5, m.getInt("opened"));
        assertEquals(3, m.getInt("resolvedAndConfirmed"));
        assertEquals(0.6f, m.getFloat("shareResolvedAndConfirmed"));
        assertEquals(1, m.getInt("awaitingConfirmation"));
        assertEquals(1, m.getInt("open"));
        assertEquals(4.0f, m.getFloat("medianHoursToConfirmedResolution"));    // of 2h, 4h, 28h
        assertEquals(23.2f, m.getFloat("p90HoursToConfirmedResolution"));
        assertEquals(0.25f, m.getFloat("reopenRate"));                          // 1 of the 4 ever marked resolved
        assertEquals(1, m.getInt("firstContactResolutions"));                   // c1 only: c3 was reopened, c4 unconfirmed
        assertEquals(0.2f, m.getFloat("firstContactResolutionRate"));

        // the customer was asked through outreach, for purpose service
        assertEquals("service", ConsentStub.requestsWithPayload("feedback:case:" + c1).get(0).purpose());
    }

    @Test
    void casesAreTheCustomersOwnAndRulesHold() {
        UUID p = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String id = contact(p).body("{\"contactId\":\"" + p + "\",\"problem\":\"Card declined\",\"channel\":\"WEB\"}")
                .post("/cases").then().statusCode(201).extract().path("id");
        contact(other).body("{\"contactId\":\"" + p + "\",\"problem\":\"x\",\"channel\":\"WEB\"}").post("/cases").then().statusCode(403);
        contact(other).get("/cases/" + id).then().statusCode(403);
        contact(other).queryParam("contactId", p).get("/cases").then().statusCode(403);
        contact(p).queryParam("contactId", p).get("/cases").then().statusCode(200).body("items.id", contains(id));
        String othersCase = agent().body("{\"contactId\":\"" + other + "\",\"problem\":\"Wrong seat\",\"channel\":\"WEB\"}")
                .post("/cases").then().statusCode(201).extract().path("id");
        agent().queryParam("contactIds", p).queryParam("contactIds", other).get("/cases").then().statusCode(200)
                .body("items.id", contains(id, othersCase));
        contact(p).queryParam("contactId", p).queryParam("contactIds", other).get("/cases").then().statusCode(400);
        contact(p).body("{\"outcome\":\"CONFIRMED\"}").post("/cases/" + id + "/confirmation").then().statusCode(422)
                .body("type", containsString("case-not-resolved"));
        contact(p).body("{\"note\":\"done\"}").post("/cases/" + id + "/resolution").then().statusCode(403);
        agent().body("{\"note\":\"Reissued the card\"}").post("/cases/" + id + "/resolution").then().statusCode(200);
        contact(other).body("{\"outcome\":\"CONFIRMED\"}").post("/cases/" + id + "/confirmation").then().statusCode(403);
        contact(p).body("{\"outcome\":\"YES\"}").post("/cases/" + id + "/confirmation").then().statusCode(400)
                .body("errors.field", hasItem("outcome"));
        contact(p).body("{\"outcome\":\"CONFIRMED\",\"comment\":\"Works now\"}").post("/cases/" + id + "/confirmation")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        contact(p).body("{\"note\":\"Declined again\"}").post("/cases/" + id + "/reopening").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("reopenCount", equalTo(1));

        agent().body("{\"contactId\":\"" + p + "\",\"problem\":\"\",\"channel\":\"PIGEON\"}").post("/cases").then().statusCode(400)
                .body("errors.field", hasItem("channel"));
        agent().body("{\"contactId\":\"" + p + "\",\"problem\":\"\",\"channel\":\"WEB\"}").post("/cases").then().statusCode(400)
                .body("errors.field", hasItem("problem"));
        analyst().queryParam("from", "yesterday").queryParam("to", "2026-01-01T00:00:00Z").get("/cases/metrics").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        agent().get("/cases/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").then().statusCode(200);
        marketer().get("/cases/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").then().statusCode(403);
    }
}

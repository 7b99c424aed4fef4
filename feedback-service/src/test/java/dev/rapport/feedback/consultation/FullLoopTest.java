package dev.rapport.feedback.consultation;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.ratings;
import static dev.rapport.feedback.consultation.Fixtures.respond;
import static dev.rapport.feedback.consultation.Fixtures.token;
import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.support.ConsentStub;
import dev.rapport.feedback.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** invite → partial responses → priorities → publish → only raters hear → "no, because…" → thread answered → metrics move. */
@QuarkusTest
class FullLoopTest {

    @Test
    void theLoopCloses() {
        Fixtures.Consultation c = openConsultation(3);
        String pipes = c.initiative(1);
        String bills = c.initiative(2);
        UUID ann = UUID.randomUUID();      // rates pipes and bills
        UUID bob = UUID.randomUUID();      // rates bills only
        UUID quiet = UUID.randomUUID();    // anonymous, no reply channel, rates pipes
        UUID shy = UUID.randomUUID();      // anonymous with a reply channel, rates pipes
        UUID absent = UUID.randomUUID();   // invited, never answers
        List<String> inv = invite(c.id(), Map.of("region", "north"), ann, bob, quiet, shy, absent);

        respond(ann, inv.get(0), Map.of(pipes, "ESSENTIAL", bills, "IMPORTANT"));
        respond(bob, inv.get(1), Map.of(bills, "ESSENTIAL"));
        as("integration").body("{\"invitationToken\":\"" + token(inv.get(2)) + "\",\"anonymous\":true,\"ratings\":"
                + ratings(Map.of(pipes, "IMPORTANT")) + "}").post("/responses").then().statusCode(201);
        String shyResponse = as("integration").body("{\"invitationToken\":\"" + token(inv.get(3)) + "\",\"anonymous\":true,"
                + "\"allowReply\":true,\"ratings\":" + ratings(Map.of(pipes, "LOW_BUT_IMPORTANT")) + "}")
                .post("/responses").then().statusCode(201).extract().path("id");
        assertEquals(null, Sql.query("select contact_id from responses where id = ?::uuid", shyResponse).get(0).get("contact_id"));

        analyst().get("/consultations/" + c.id() + "/priorities").then().statusCode(200)
                .body("respondents", equalTo(4))
                .body("initiatives[0].initiativeId", equalTo(bills))   // (2+3)/2 = 83.33
                .body("initiatives[1].initiativeId", equalTo(pipes));  // (3+2+1)/3 = 66.67

        JsonPath before = analyst().get("/consultations/" + c.id() + "/loop-metrics").then().statusCode(200).extract().jsonPath();
        assertEquals(4, before.getInt("respondents"));
        assertEquals(3, before.getInt("reachableRespondents"));
        assertEquals(0, before.getInt("answeredOnEverything"));

        // the company answers on pipes: only its raters hear, and the anonymous one without a reply channel cannot
        String action = marketer().body("{\"initiativeId\":\"" + pipes + "\",\"decision\":\"WILL_DO\","
                + "\"description\":\"We replace lead pipes in 400 streets by 2029\"}").post("/actions").then().statusCode(201)
                .extract().path("id");
        JsonPath pub = marketer().post("/actions/" + action + "/publish").then().statusCode(200).extract().jsonPath();
        assertEquals(2, pub.getInt("recipients"));
        assertEquals(1, pub.getInt("unreachableAnonymous"));
        assertEquals(2, pub.getInt("delivery.queued"));
        Set<UUID> told = ConsentStub.requestsWithPayload("feedback:action:" + action).stream()
                .map(ConsentStub.Request::contactId).collect(Collectors.toSet());
        assertEquals(Set.of(ann), told);
        // the anonymous rater is told too, by a message that names neither the consultation nor the action
        assertEquals(1, ConsentStub.requestsFor(shy).stream().filter(r -> r.payloadRef().startsWith("feedback:follow-up:")
                && "feedback:anonymous".equals(r.campaign())).count());
        assertTrue(ConsentStub.requestsWithPayload("feedback:action:" + action).stream().allMatch(r -> "survey".equals(r.purpose())));
        marketer().post("/actions/" + action + "/publish").then().statusCode(409);

        // ann has only half her answers; shy has all of hers
        JsonPath mid = analyst().get("/consultations/" + c.id() + "/loop-metrics").then().extract().jsonPath();
        assertEquals(1, mid.getInt("answeredOnEverything"));
        assertNotNull(mid.get("medianHoursToAnswer"));

        // bills: answered and published; now ann and bob have everything answered
        String billsAction = marketer().body("{\"initiativeId\":\"" + bills + "\",\"decision\":\"WONT_DO\","
                + "\"description\":\"Bills stay as they are\",\"reason\":\"The regulator sets them\"}").post("/actions")
                .then().statusCode(201).extract().path("id");
        marketer().post("/actions/" + billsAction + "/publish").then().statusCode(200).body("recipients", equalTo(2));
        assertEquals(3, analyst().get("/consultations/" + c.id() + "/loop-metrics").then().extract().jsonPath()
                .getInt("answeredOnEverything"));

        // ann: "no, because…" on pipes opens a thread
        String annFollowUp = contact(ann).queryParam("contactId", ann).queryParam("unanswered", true).get("/follow-ups")
                .then().statusCode(200).extract().jsonPath().getString("find { it.actionId == '" + action + "' }.id");
        contact(bob).body("{\"answer\":\"YES\"}").post("/follow-ups/" + annFollowUp + "/answer").then().statusCode(403);
        contact(ann).body("{\"answer\":\"MAYBE\"}").post("/follow-ups/" + annFollowUp + "/answer").then().statusCode(400)
                .body("errors.field", hasItem("answer"));
        contact(ann).body("{\"answer\":\"NO\",\"why\":\"My street is not on the list\"}")
                .post("/follow-ups/" + annFollowUp + "/answer").then().statusCode(200).body("answer", equalTo("NO"));
        contact(ann).body("{\"answer\":\"YES\"}").post("/follow-ups/" + annFollowUp + "/answer").then().statusCode(409);
        String shyFollowUp = contact(shy).queryParam("contactId", shy).get("/follow-ups").then().extract().jsonPath().getString("[0].id");
        contact(shy).body("{\"answer\":\"YES\"}").post("/follow-ups/" + shyFollowUp + "/answer").then().statusCode(200);

        JsonPath opened = analyst().get("/consultations/" + c.id() + "/loop-metrics").then().extract().jsonPath();
        assertEquals(1, opened.getInt("openThreads"));
        Map<String, Object> pipesRow = opened.getMap("initiatives.find { it.initiativeId == '" + pipes + "' }");
        assertEquals(0.5f, ((Number) pipesRow.get("agreementRate")).floatValue());
        assertEquals(1, pipesRow.get("openThreads"));

        String thread = agent().queryParam("consultationId", c.id()).queryParam("status", "OPEN").get("/threads")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        agent().get("/threads/" + thread).then().body("messages[0].body", containsString("My street is not on the list"));
        // the follow-up leads to the thread its NO opened; the list names threads, GET /threads/messages reads their messages
        agent().get("/follow-ups/" + annFollowUp).then().statusCode(200).body("threadId", equalTo(thread));
        agent().queryParam("ids", thread).get("/threads").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(thread)).body("items[0]", not(hasKey("messages")));
        agent().queryParam("threadIds", thread).get("/threads/messages").then().statusCode(200)
                .body("[0].items[0].body", equalTo("My street is not on the list")).body("[0].items[0].answer", equalTo("NO"));
        analyst().get("/consultations").then().statusCode(200)
                .body("items.find { it.id == '" + c.id() + "' }.initiatives", hasSize(3));
        contact(bob).get("/threads/" + thread).then().statusCode(403);

        // staff answer and ask again; the question goes out through outreach
        agent().body("{\"body\":\"Your street is in phase 2, starting March\"}").post("/threads/" + thread + "/messages")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("messages", hasSize(2));
        assertEquals(1, ConsentStub.requestsWithPayload("feedback:thread:" + thread).size());
        JsonPath answered = analyst().get("/consultations/" + c.id() + "/loop-metrics").then().extract().jsonPath();
        assertEquals(0, answered.getInt("openThreads"));
        assertEquals(1, answered.getInt("answeredThreads"));

        // round two: still no → reopened; staff answer again; then yes → closed, agreement moves
        String again = contact(ann).queryParam("contactId", ann).queryParam("unanswered", true).get("/follow-ups").then()
                .extract().jsonPath().getString("find { it.threadId == '" + thread + "' }.id");
        contact(ann).body("{\"answer\":\"NO\",\"why\":\"March is too late\"}").post("/follow-ups/" + again + "/answer")
                .then().statusCode(200);
        agent().get("/threads/" + thread).then().body("status", equalTo("OPEN")).body("reopenCount", equalTo(1));
        agent().body("{\"body\":\"We moved it to January\"}").post("/threads/" + thread + "/messages").then().statusCode(200);
        String third = contact(ann).queryParam("contactId", ann).queryParam("unanswered", true).get("/follow-ups").then()
                .extract().jsonPath().getString("find { it.threadId == '" + thread + "' }.id");
        contact(ann).body("{\"answer\":\"YES\"}").post("/follow-ups/" + third + "/answer").then().statusCode(200);

        JsonPath after = analyst().get("/consultations/" + c.id() + "/loop-metrics").then().extract().jsonPath();
        assertEquals(0, after.getInt("openThreads"));
        assertEquals(1, after.getInt("closedThreads"));
        Map<String, Object> pipesAfter = after.getMap("initiatives.find { it.initiativeId == '" + pipes + "' }");
        assertEquals(0.5f, ((Number) pipesAfter.get("agreementRate")).floatValue());        // first answers: 1 yes of 2
        assertEquals(1.0f, ((Number) pipesAfter.get("currentAgreementRate")).floatValue()); // now both say yes

        // the consultation can now be marked answered: every initiative but one has a published action
        marketer().body("{\"status\":\"CLOSED\"}").post("/consultations/" + c.id() + "/status").then().statusCode(200);
        marketer().body("{\"status\":\"ANSWERED\"}").post("/consultations/" + c.id() + "/status").then().statusCode(422);
    }

    @Test
    void actionsAreValidated() {
        Fixtures.Consultation c = openConsultation(1);
        marketer().body("{\"initiativeId\":\"" + UUID.randomUUID() + "\",\"decision\":\"DONE\",\"description\":\"x\"}")
                .post("/actions").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("initiativeId"));
        marketer().body("{\"initiativeId\":\"" + c.initiative(1) + "\",\"decision\":\"WONT_DO\",\"description\":\"x\"}")
                .post("/actions").then().statusCode(400).body("errors.field", hasItem("reason"));
        marketer().body("{\"initiativeId\":\"" + c.initiative(1) + "\",\"decision\":\"MAYBE\",\"description\":\"x\"}")
                .post("/actions").then().statusCode(400).body("errors.field", hasItem("decision"));
        agent().body("{\"initiativeId\":\"" + c.initiative(1) + "\",\"decision\":\"DONE\",\"description\":\"x\"}")
                .post("/actions").then().statusCode(403);
        marketer().get("/actions").then().statusCode(400);
        assertEquals(0L, Sql.query("select count(*) as n from actions where initiative_id = ?::uuid", c.initiative(1)).get(0).get("n"));
    }
}

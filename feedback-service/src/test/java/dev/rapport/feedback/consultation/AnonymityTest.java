package dev.rapport.feedback.consultation;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.ratings;
import static dev.rapport.feedback.consultation.Fixtures.token;
import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.support.ConsentStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An anonymous respondent who allowed replies is told what was done and may answer "why not", yet nothing staff can
 * read ties them to what they rated: not their follow-ups, not their thread, not the messages sent to them, not their
 * data export. They themselves see all of it.
 */
@QuarkusTest
class AnonymityTest {

    @Test
    void staffNeverSeeWhatAnAnonymousRespondentRated() {
        Fixtures.Consultation c = openConsultation(2);
        String pipes = c.initiative(1);
        UUID shy = UUID.randomUUID();
        List<String> inv = invite(c.id(), Map.of(), shy);
        as("integration").body("{\"invitationToken\":\"" + token(inv.get(0)) + "\",\"anonymous\":true,\"allowReply\":true,"
                + "\"ratings\":" + ratings(Map.of(pipes, "ESSENTIAL")) + "}").post("/responses").then().statusCode(201);
        String action = marketer().body("{\"initiativeId\":\"" + pipes + "\",\"decision\":\"WILL_DO\",\"description\":\"New pipes\"}")
                .post("/actions").then().statusCode(201).extract().path("id");
        marketer().post("/actions/" + action + "/publish").then().statusCode(200);

        // the person sees and answers their question
        String followUp = contact(shy).queryParam("contactId", shy).get("/follow-ups").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        contact(shy).body("{\"answer\":\"NO\",\"why\":\"Not my street\"}").post("/follow-ups/" + followUp + "/answer")
                .then().statusCode(200);
        String thread = contact(shy).get("/follow-ups/" + followUp).then().statusCode(200).extract().path("threadId");
        assertTrue(thread != null, "the follow-up leads to the thread its NO opened");
        contact(shy).get("/threads/" + thread).then().statusCode(200);

        for (String role : List.of("admin", "agent", "marketer", "analyst")) {
            // follow-ups: not by person, not by id
            if (!role.equals("analyst")) {
                assertEquals(List.of(), as(role).queryParam("contactIds", shy.toString()).get("/by-contact/follow-ups").then()
                        .statusCode(200).extract().jsonPath().getList("[0].items"), role);
                assertEquals(List.of(), as(role).queryParam("contactId", shy).get("/follow-ups").then().statusCode(200)
                        .extract().jsonPath().getList(""), role);
            }
            as(role).get("/follow-ups/" + followUp).then().statusCode(404);
            // the thread: staff answer it, but never learn who it is with
            assertEquals(List.of(), as(role).queryParam("contactId", shy).get("/threads").then().statusCode(200)
                    .extract().jsonPath().getList("items"), role);
            JsonPath listed = as(role).queryParam("consultationId", c.id()).get("/threads").then().statusCode(200).extract().jsonPath();
            assertEquals(thread, listed.getString("items[0].id"));
            assertNull(listed.get("items[0].contactId"), role);
            assertEquals(List.of("contact"), as(role).queryParam("threadIds", thread).get("/threads/messages").then()
                    .statusCode(200).extract().jsonPath().getList("[0].items.author"), role + ": the bulk read signs them too");
            assertFalse(listed.prettify().contains(shy.toString()), role);
            JsonPath one = as(role).get("/threads/" + thread).then().statusCode(200).extract().jsonPath();
            assertNull(one.get("contactId"));
            assertFalse(one.prettify().contains(shy.toString()), role);
        }
        // the export staff read on the person's behalf holds nothing from the anonymous side
        String export = as("admin").get("/contacts/" + shy + "/data-export").then().statusCode(200).extract().asString();
        assertFalse(export.contains(followUp), export);
        assertFalse(export.contains(thread), export);
        assertFalse(export.contains(pipes), export);
        assertFalse(export.contains(c.id()) && export.contains("action-notice"), export);
        String own = contact(shy).get("/contacts/" + shy + "/data-export").then().statusCode(200).extract().asString();
        assertTrue(own.contains(followUp) && own.contains(thread), own);

        // an agent answers the thread: the person is asked again, by a message that names nothing they rated
        agent().body("{\"body\":\"Your street is in phase 2\"}").post("/threads/" + thread + "/messages").then().statusCode(200)
                .body("contactId", org.hamcrest.Matchers.nullValue())
                .body("messages[0].author", org.hamcrest.Matchers.equalTo("contact"));
        List<ConsentStub.Request> sent = ConsentStub.requestsFor(shy);
        assertEquals(3, sent.size(), String.valueOf(sent)); // invitation, notice, the question asked again
        for (ConsentStub.Request r : sent.subList(1, 3)) {
            assertEquals("feedback:anonymous", r.campaign());
            assertFalse(r.payloadRef().contains(action) || r.payloadRef().contains(thread) || r.payloadRef().contains(c.id()),
                    r.payloadRef());
        }
    }
}

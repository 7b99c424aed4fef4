package dev.rapport.feedback.consultation;

import static dev.rapport.feedback.consultation.Fixtures.invite;
import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.consultation.Fixtures.ratings;
import static dev.rapport.feedback.consultation.Fixtures.respond;
import static dev.rapport.feedback.consultation.Fixtures.token;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.contact;
import static dev.rapport.feedback.support.Api.marketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.feedback.support.ConsentStub;
import dev.rapport.feedback.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsultationFlowTest {

    @Test
    void invitationsGoThroughOutreachAndRecordWhoWasDeniedAndWhy() {
        Fixtures.Consultation c = openConsultation(3);
        UUID ok = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID unreachable = UUID.randomUUID();
        ConsentStub.deny(refused, "no-consent", "quiet-hours");
        ConsentStub.unreachableFor(unreachable);
        JsonPath batch = marketer().body("{\"audience\":[{\"contactId\":\"" + ok + "\"},{\"contactId\":\"" + refused + "\"},"
                        + "{\"contactId\":\"" + unreachable + "\"},{\"contactId\":\"" + ok + "\"}],\"channel\":\"EMAIL\"}")
                .post("/consultations/" + c.id() + "/invitations").then().statusCode(200).extract().jsonPath();
        assertEquals(3, batch.getInt("invited"));
        assertEquals(1, batch.getInt("delivery.queued"));
        assertEquals(2, batch.getInt("delivery.denied"));
        assertEquals(1, batch.getInt("delivery.deniedBy.consent-unavailable"));
        assertEquals(1, batch.getInt("delivery.deniedBy.no-consent"));

        ConsentStub.Request sent = ConsentStub.requestsFor(ok).get(0);
        assertEquals("survey", sent.purpose());
        assertEquals("EMAIL", sent.channel());
        assertEquals("consultation:" + c.id(), sent.campaign());
        assertTrue(sent.payloadRef().startsWith("feedback:invitation:"));

        JsonPath list = analyst().get("/consultations/" + c.id() + "/invitations").then().statusCode(200).extract().jsonPath();
        assertEquals("QUEUED", list.getString("items.find { it.contactId == '" + ok + "' }.delivery.status"));
        assertEquals(List.of("no-consent", "quiet-hours"), list.getList("items.find { it.contactId == '" + refused + "' }.delivery.reasons"));
        assertEquals("DENIED", list.getString("items.find { it.contactId == '" + unreachable + "' }.delivery.status"));
        assertEquals(List.of("consent-unavailable"), list.getList("items.find { it.contactId == '" + unreachable + "' }.delivery.reasons"));
        analyst().queryParam("status", "DENIED").get("/consultations/" + c.id() + "/invitations").then().body("items", hasSize(2));

        // inviting again skips people already invited
        marketer().body("{\"audience\":[{\"contactId\":\"" + ok + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200).body("invited", equalTo(0)).body("alreadyInvited", equalTo(1));
        assertEquals(1, ConsentStub.requestsFor(ok).size());
    }

    @Test
    void partialAndAnonymousResponsesAndStablePriorities() throws Exception {
        Fixtures.Consultation c = openConsultation(4);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID anon = UUID.randomUUID();
        List<String> north = invite(c.id(), Map.of("region", "north"), a, anon);
        List<String> south = invite(c.id(), Map.of("region", "south"), b);

        // a rates three initiatives, b only two (partial answers are valid)
        Map<String, String> ra = new LinkedHashMap<>();
        ra.put(c.initiative(1), "IMPORTANT");
        ra.put(c.initiative(2), "ESSENTIAL");
        ra.put(c.initiative(3), "IMPORTANT");
        respond(a, north.get(0), ra);
        respond(b, south.get(0), Map.of(c.initiative(2), "NOT_IMPORTANT", c.initiative(3), "ESSENTIAL"));
        // the anonymous respondent answers through the link's token
        String anonId = as("integration").body("{\"invitationToken\":\"" + token(north.get(1)) + "\",\"anonymous\":true,"
                        + "\"ratings\":" + ratings(Map.of(c.initiative(1), "IMPORTANT")) + "}")
                .post("/responses").then().statusCode(201).body("anonymous", equalTo(true)).body("contactId", nullValue())
                .extract().path("id");
        Map<String, Object> stored = Sql.query("select contact_id, reply_contact_id, anonymous from responses where id = ?::uuid", anonId).get(0);
        assertEquals(null, stored.get("contact_id"));
        assertEquals(null, stored.get("reply_contact_id"));
        assertEquals(Boolean.TRUE, stored.get("anonymous"));
        analyst().get("/responses/" + anonId).then().statusCode(200).body("contactId", nullValue());

        // scores: i1 = (2+2)/2 → 66.67, i2 = (3+0)/2 → 50, i3 = (2+3)/2 → 83.33, i4 unrated
        JsonPath p = analyst().get("/consultations/" + c.id() + "/priorities").then().statusCode(200).extract().jsonPath();
        assertEquals(3, p.getInt("respondents"));
        assertEquals(List.of(c.initiative(3), c.initiative(1), c.initiative(2), c.initiative(4)), p.getList("initiatives.initiativeId"));
        assertEquals(List.of(1, 2, 3, 4), p.getList("initiatives.rank"));
        assertEquals(83.33f, p.getFloat("initiatives[0].score"));
        assertEquals(1, p.getInt("initiatives[0].counts.essential"));
        assertEquals(0.5f, p.getFloat("initiatives[0].distribution.essential"));
        assertEquals((Object) null, p.get("initiatives[3].score"));

        // north only: i1 = 66.67 (a, anon), i2 = 100, i3 = 66.67 → i2 first; i1 and i3 tie and keep their order
        JsonPath n = analyst().queryParam("segment", "region:north").get("/consultations/" + c.id() + "/priorities")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, n.getInt("respondents"));
        assertEquals(List.of(c.initiative(2), c.initiative(1), c.initiative(3), c.initiative(4)), n.getList("initiatives.initiativeId"));
        assertEquals(List.of(1, 2, 2, 4), n.getList("initiatives.rank"));
        analyst().queryParam("segment", "nonsense").get("/consultations/" + c.id() + "/priorities").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("segment"));
    }

    @Test
    void badResponsesAreRejectedAndWriteNothing() {
        Fixtures.Consultation c = openConsultation(2);
        UUID a = UUID.randomUUID();
        String inv = invite(c.id(), Map.of(), a).get(0);
        String good = "{\"invitationId\":\"" + inv + "\",\"ratings\":" + ratings(Map.of(c.initiative(1), "ESSENTIAL")) + "}";

        contact(a).body(good.replace("ESSENTIAL", "CRUCIAL")).post("/responses").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("ratings[0].bucket"));
        contact(a).body("{\"invitationId\":\"" + inv + "\",\"ratings\":[{\"initiativeId\":\"" + c.initiative(1)
                        + "\",\"bucket\":\"IMPORTANT\"},{\"initiativeId\":\"" + UUID.randomUUID() + "\",\"bucket\":\"IMPORTANT\"}]}")
                .post("/responses").then().statusCode(400).body("errors.field", contains("ratings[1].initiativeId"));
        contact(a).body("{\"invitationId\":\"" + inv + "\",\"ratings\":[]}").post("/responses").then().statusCode(400)
                .body("errors.field", hasItem("ratings"));
        contact(UUID.randomUUID()).body(good).post("/responses").then().statusCode(403);
        as("integration").body("{\"invitationToken\":\"forged\",\"ratings\":" + ratings(Map.of(c.initiative(1), "ESSENTIAL")) + "}")
                .post("/responses").then().statusCode(400).body("errors.field", hasItem("invitationToken"));
        // nothing was written: the invitation is still unanswered and priorities are empty
        analyst().get("/consultations/" + c.id() + "/priorities").then().body("respondents", equalTo(0));

        contact(a).body(good).post("/responses").then().statusCode(201);
        contact(a).body(good).post("/responses").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("already-responded"));

        UUID slow = UUID.randomUUID();
        String slowInvitation = invite(c.id(), Map.of(), slow).get(0);
        marketer().body("{\"status\":\"CLOSED\"}").post("/consultations/" + c.id() + "/status").then().statusCode(200);
        contact(slow).body(good.replace(inv, slowInvitation)).post("/responses").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("consultation-not-open"));
        assertEquals(1, analyst().get("/consultations/" + c.id() + "/priorities").then().extract().jsonPath().getInt("respondents"));
        UUID late = UUID.randomUUID();
        marketer().body("{\"audience\":[{\"contactId\":\"" + late + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(422).body("type", containsString("consultation-not-open"));
    }

    @Test
    void consultationLifecycleAndValidation() {
        marketer().body("{\"title\":\"\",\"purpose\":\"x\"}").post("/consultations").then().statusCode(400)
                .body("errors.field", hasItem("title"));
        String id = marketer().body("{\"title\":\"T\",\"purpose\":\"P\"}").post("/consultations").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        marketer().body("{\"status\":\"OPEN\"}").post("/consultations/" + id + "/status").then().statusCode(422)
                .body("type", containsString("no-initiatives"));
        marketer().body("{\"title\":\"Lower bills\"}").post("/consultations/" + id + "/initiatives").then().statusCode(201)
                .body("position", equalTo(1));
        marketer().body("{\"status\":\"ANSWERED\"}").post("/consultations/" + id + "/status").then().statusCode(422);
        marketer().body("{\"status\":\"OPEN\"}").post("/consultations/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        marketer().body("{\"title\":\"Late\"}").post("/consultations/" + id + "/initiatives").then().statusCode(422);
        marketer().body("{\"status\":\"CLOSED\"}").post("/consultations/" + id + "/status").then().statusCode(200);
        marketer().body("{\"status\":\"ANSWERED\"}").post("/consultations/" + id + "/status").then().statusCode(422)
                .body("type", containsString("initiatives-unanswered"));
        marketer().body("{\"status\":\"SHELVED\"}").post("/consultations/" + id + "/status").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        analyst().body("{\"title\":\"T\",\"purpose\":\"P\"}").post("/consultations").then().statusCode(403);
        marketer().get("/consultations/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}

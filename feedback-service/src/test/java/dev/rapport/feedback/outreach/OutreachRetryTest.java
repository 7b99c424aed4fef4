package dev.rapport.feedback.outreach;

import static dev.rapport.feedback.consultation.Fixtures.openConsultation;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.marketer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rapport.feedback.consultation.Fixtures;
import dev.rapport.feedback.support.ConsentStub;
import dev.rapport.feedback.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nothing recorded is lost: unanswered and interrupted sends are retried, and a retry is never a second message. */
@QuarkusTest
class OutreachRetryTest {
    @Inject
    Outreach outreach;

    private JsonPath invitationOf(Fixtures.Consultation c, UUID contact) {
        return analyst().get("/consultations/" + c.id() + "/invitations").then().extract().jsonPath()
                .setRootPath("items.find { it.contactId == '" + contact + "' }");
    }

    private static void dueNow(UUID contact) {
        Sql.query("update outreach_messages set next_attempt_at = now() - interval '1 second' where contact_id = ?::uuid "
                + "returning id", contact);
    }

    @Test
    void consentUnavailableIsADenialUntilARetryGetsAnAnswer() {
        Fixtures.Consultation c = openConsultation(1);
        UUID person = UUID.randomUUID();
        ConsentStub.unreachableFor(person);
        marketer().body("{\"audience\":[{\"contactId\":\"" + person + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200);
        assertEquals("DENIED", invitationOf(c, person).getString("delivery.status"));
        assertEquals("consent-unavailable", invitationOf(c, person).getString("delivery.reasons[0]"));

        ConsentStub.reachableAgainFor(person);
        dueNow(person);
        outreach.retryDue().await().indefinitely();
        assertEquals("QUEUED", invitationOf(c, person).getString("delivery.status"));
        assertEquals(1, ConsentStub.requestsFor(person).size());
    }

    @Test
    void aPersonConsentServiceDoesNotKnowYetIsWaitedForNotDenied() {
        Fixtures.Consultation c = openConsultation(1);
        UUID person = UUID.randomUUID();
        ConsentStub.unknown(person); // just imported: contacts-service's outbox has not delivered them yet
        marketer().body("{\"audience\":[{\"contactId\":\"" + person + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200).body("delivery.pending", org.hamcrest.Matchers.equalTo(1));
        assertEquals("PENDING", invitationOf(c, person).getString("delivery.status"));
        assertEquals("not-yet-known", invitationOf(c, person).getString("delivery.reasons[0]"));

        // still unknown: it keeps waiting, asking for a decision only (nothing more is stored in consent-service)
        dueNow(person);
        outreach.retryDue().await().indefinitely();
        assertEquals("PENDING", invitationOf(c, person).getString("delivery.status"));
        assertEquals(1, ConsentStub.decisionsAskedFor(person));
        assertEquals(1, ConsentStub.requestsFor(person).size());

        ConsentStub.known(person);
        dueNow(person);
        outreach.retryDue().await().indefinitely();
        assertEquals("QUEUED", invitationOf(c, person).getString("delivery.status"));
        List<ConsentStub.Request> sent = ConsentStub.requestsFor(person);
        assertEquals(2, sent.size());
        // a new Idempotency-Key: the first one would replay the stored unknown-contact denial
        assertNotEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey());
    }

    @Test
    void aPersonNobodyEverKnowsIsDeniedAfterThePatienceRunsOut() {
        Fixtures.Consultation c = openConsultation(1);
        UUID person = UUID.randomUUID();
        ConsentStub.unknown(person);
        marketer().body("{\"audience\":[{\"contactId\":\"" + person + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200);
        Sql.query("update outreach_messages set created_at = now() - interval '1 day' where contact_id = ?::uuid returning id", person);
        dueNow(person);
        outreach.retryDue().await().indefinitely();
        assertEquals("DENIED", invitationOf(c, person).getString("delivery.status"));
        assertEquals("unknown-contact", invitationOf(c, person).getString("delivery.reasons[0]"));
    }

    @Test
    void aSendInterruptedAfterRecordingIsSentOnceByTheScheduler() {
        Fixtures.Consultation c = openConsultation(1);
        UUID person = UUID.randomUUID();
        marketer().body("{\"audience\":[{\"contactId\":\"" + person + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200);
        String key = ConsentStub.requestsFor(person).get(0).idempotencyKey();
        // as if the process died after consent-service answered but before the answer was recorded
        Sql.query("update outreach_messages set status = 'PENDING', outreach_request_id = null where contact_id = ?::uuid returning id",
                person);
        dueNow(person);
        outreach.retryDue().await().indefinitely();
        assertEquals("QUEUED", invitationOf(c, person).getString("delivery.status"));
        // same Idempotency-Key: consent-service saw one request, the person gets one message
        assertEquals(1, ConsentStub.requestsFor(person).size());
        assertEquals(key, Sql.query("select id::text as id from outreach_messages where contact_id = ?::uuid", person).get(0).get("id"));
    }

    @Test
    void aSendDeferredByQuietHoursIsQueuedNotDenied() {
        Fixtures.Consultation c = openConsultation(1);
        UUID person = UUID.randomUUID();
        ConsentStub.deferUntil(person, java.time.Instant.now().plusSeconds(6 * 3600));
        marketer().body("{\"audience\":[{\"contactId\":\"" + person + "\"}]}").post("/consultations/" + c.id() + "/invitations")
                .then().statusCode(200);
        assertEquals("QUEUED", invitationOf(c, person).getString("delivery.status"));
        assertEquals(1, ConsentStub.requestsFor(person).size());
    }

    @Test
    void basicsAreServedAndEverythingElseNeedsAToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/consultations").then().statusCode(401);
        given().get("/cases/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").then().statusCode(401);
    }
}

package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static dev.rapport.gateway.e2e.Suite.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The defects of the API contract (issue 12), each through /graphql with real Keycloak tokens against the real suite:
 * what a front-end developer met, and what they get now.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class ApiContractEndToEndTest {

    @Test
    void aLargeInvitationAnswersHowManyWereInvitedNotARetrysZero() {
        Suite.purpose("survey", "CONSENT");
        String consultation = openConsultation("Audience of a thousand");
        List<Map<String, Object>> audience = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            audience.add(Map.of("contactId", UUID.randomUUID().toString()));
        }
        JsonPath answer = GraphQL.query(token("marketer"), """
                mutation($id: ID!, $a: [AudienceMemberInput]) { inviteToConsultation(consultationId: $id,
                  input: {audience: $a, channel: EMAIL}) }""", Map.of("id", consultation, "a", audience));
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(1000, answer.getInt("data.inviteToConsultation"));
    }

    @Test
    void outreachAnswersTheWholeRequestAndListsNewestFirst() throws InterruptedException {
        Suite.purpose("newsletter", "CONSENT");
        String id = consentingContact("Outreach", "newsletter");
        String request = """
                mutation($c: ID) { requestOutreach(input: {contactId: $c, purpose: "newsletter", channel: EMAIL,
                  campaign: "spring"}) { id status channel contactId purpose campaign createdAt requestedBy } }""";
        JsonPath first = ok(token("marketer"), request, Map.of("c", id));
        for (String field : List.of("id", "channel", "contactId", "purpose", "campaign", "createdAt", "requestedBy")) {
            assertNotNull(first.get("data.requestOutreach." + field), field + ": " + first.prettify());
        }
        String second = ok(token("marketer"), request, Map.of("c", id)).getString("data.requestOutreach.id");
        JsonPath listed = ok(token("marketer"), "query($c: ID) { outreachRequests(contactId: $c, first: 10) { nodes { id } } }",
                Map.of("c", id));
        assertEquals(List.of(second, first.getString("data.requestOutreach.id")), listed.getList("data.outreachRequests.nodes.id"));
    }

    @Test
    void listsCarryWhatSingleReadsCarry() {
        String id = openConsultation("Listed with its initiatives");
        JsonPath listed = ok(token("marketer"), "{ consultations(first: 100) { nodes { id initiatives { nodes { id title } totalCount } } } }");
        List<Map<String, Object>> nodes = listed.getList("data.consultations.nodes");
        Map<String, Object> mine = nodes.stream().filter(n -> id.equals(n.get("id"))).findFirst().orElseThrow();
        assertEquals(1, ((List<?>) ((Map<?, ?>) mine.get("initiatives")).get("nodes")).size(), listed::prettify);
        assertEquals(1, ((Map<?, ?>) mine.get("initiatives")).get("totalCount"), listed::prettify);
    }

    @Test
    void aRefusedRoleIsToldWhatHappened() {
        JsonPath answer = GraphQL.query(token("analyst"), "mutation { createPurpose(input: {code: \"nope\"}) { code } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertNotEquals("Internal error", answer.getString("errors[0].message"));
        assertTrue(answer.getString("errors[0].message").contains("createPurpose"), answer::prettify);
    }

    @Test
    void notNowSaysFromWhen() throws InterruptedException {
        Suite.purpose("newsletter", "CONSENT");
        String id = consentingContact("Quiet", "newsletter");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ok(token("agent"), """
                mutation($c: ID!, $s: String, $e: String) { setPolicy(contactId: $c, input: {quietHoursStart: $s,
                  quietHoursEnd: $e, timeZone: "UTC"}) { quietHoursStart } }""",
                Map.of("c", id, "s", now.minusHours(1).format(hhmm), "e", now.plusHours(2).format(hhmm)));
        JsonPath answer = ok(token("agent"), """
                query($c: ID!) { decision(contactId: $c, purpose: "newsletter", channel: EMAIL) { allowed reasons { code }
                  notBefore } }""", Map.of("c", id));
        assertEquals(List.of("quiet-hours"), answer.getList("data.decision.reasons.code"), answer::prettify);
        assertNotNull(answer.get("data.decision.notBefore"), answer::prettify);
    }

    @Test
    void consentServiceDownIsOneShape() throws Exception {
        String id = Suite.createContact("Unavailable");
        String document = """
                query($c: ID!) { decision(contactId: $c, purpose: "newsletter", channel: EMAIL) { allowed reasons { code } }
                  contact(id: $c) { mayContact(purpose: "newsletter", channel: EMAIL) { allowed reasons { code } } } }""";
        RealSuite.signal("consent-service", "STOP");
        JsonPath answer;
        try {
            answer = GraphQL.query(token("agent"), document, Map.of("c", id));
        } finally {
            RealSuite.signal("consent-service", "CONT");
        }
        assertFalse(answer.getBoolean("data.decision.allowed"), answer::prettify);
        assertEquals(List.of("consent-unavailable"), answer.getList("data.decision.reasons.code"));
        assertEquals(answer.getMap("data.decision"), answer.getMap("data.contact.mayContact"), answer::prettify);
    }

    /** Created, then invited before consent-service knows the person: the invitation waits, it is not denied. */
    @Test
    void aPersonConsentServiceDoesNotKnowYetIsInvitedOnceKnown() throws Exception {
        Suite.purpose("survey", "CONSENT");
        String id = ok(token("agent"), """
                mutation($k: String) { createContact(idempotencyKey: $k, input: {givenName: "New", familyName: "Comer"}) { id } }""",
                Map.of("k", UUID.randomUUID().toString())).getString("data.createContact.id");
        String consultation = openConsultation("Right after import");
        ok(token("marketer"), """
                mutation($id: ID!, $c: ID) { inviteToConsultation(consultationId: $id, input: {audience: [{contactId: $c}],
                  channel: EMAIL}) }""", Map.of("id", consultation, "c", id));
        JsonPath waiting = invitations(consultation);
        assertEquals("PENDING", waiting.getString("data.consultationInvitations.nodes[0].delivery.status"), waiting::prettify);
        assertEquals(List.of("not-yet-known"), waiting.getList("data.consultationInvitations.nodes[0].delivery.reasons"));

        // the person's e-mail and consent arrive while feedback-service is not asking (so no half-known state is decided)
        RealSuite.signal("feedback-service", "STOP");
        try {
            ok(token("agent"), """
                    mutation($c: ID!) { addContactPoint(contactId: $c, input: {channel: EMAIL, address: "new@example.com",
                      context: PERSONAL, provenance: {kind: PROVIDED_BY_CONTACT, source: "signup"}}) { id } }""", Map.of("c", id));
            Suite.await(Duration.ofSeconds(60), () -> ok(token("agent"),
                    "query($c: ID!) { contactPointFacts(contactId: $c) { contactPointId } }", Map.of("c", id)),
                    a -> !a.getList("data.contactPointFacts").isEmpty());
            ok(token("marketer"), """
                    mutation($c: ID!) { recordConsent(contactId: $c, input: {kind: GRANT, purpose: "survey", channel: EMAIL,
                      source: AGENT}) { id } }""", Map.of("c", id));
        } finally {
            RealSuite.signal("feedback-service", "CONT");
        }
        JsonPath sent = Suite.await(Duration.ofSeconds(120), () -> invitations(consultation),
                a -> "QUEUED".equals(a.getString("data.consultationInvitations.nodes[0].delivery.status")));
        assertEquals("QUEUED", sent.getString("data.consultationInvitations.nodes[0].delivery.status"), sent::prettify);
    }

    /**
     * An anonymous respondent who allowed replies: told what was done, answers "no, because…", gets an answer; staff
     * see the thread but through no path (follow-ups, threads, touches, exports) who it is with.
     */
    @Test
    void nothingStaffReadLinksAnAnonymousAnswerToThePerson() throws Exception {
        Suite.purpose("survey", "CONSENT");
        String shy = consentingContact("Shy", "survey");
        JsonPath consultation = ok(token("marketer"), """
                mutation { createConsultation(input: {title: "Anonymous loop", purpose: "p", initiatives: [{title: "Lights"}]}) {
                  id initiatives { nodes { id } } } }""");
        String id = consultation.getString("data.createConsultation.id");
        String lights = consultation.getString("data.createConsultation.initiatives.nodes[0].id");
        ok(token("marketer"), "mutation($id: ID!) { changeConsultationStatus(consultationId: $id, status: OPEN) { status } }",
                Map.of("id", id));
        ok(token("marketer"), """
                mutation($id: ID!, $c: ID) { inviteToConsultation(consultationId: $id, input: {audience: [{contactId: $c}]}) }""",
                Map.of("id", id, "c", shy));
        String invitation = invitations(id).getString("data.consultationInvitations.nodes[0].id");
        String link = ok(Suite.integrationToken(), "query($i: ID!) { invitationLink(invitationId: $i) { token } }",
                Map.of("i", invitation)).getString("data.invitationLink.token");
        ok(Suite.integrationToken(), """
                mutation($t: String, $i: ID) { submitConsultationResponse(input: {invitationToken: $t, anonymous: true,
                  allowReply: true, ratings: [{initiativeId: $i, bucket: ESSENTIAL}]}) { id } }""", Map.of("t", link, "i", lights));
        String action = ok(token("marketer"), """
                mutation($i: ID) { createAction(input: {initiativeId: $i, decision: WILL_DO, description: "More lights"}) { id } }""",
                Map.of("i", lights)).getString("data.createAction.id");
        ok(token("marketer"), "mutation($a: ID!) { publishAction(id: $a) { recipients } }", Map.of("a", action));

        // the person sees their question, answers NO, and is led to the thread their NO opened
        Suite.linkContactUser(shy);
        String followUp = ok(token("contact"), "{ me { loopFollowUps { nodes { id } } } }").getString("data.me.loopFollowUps.nodes[0].id");
        ok(token("contact"), "mutation($f: ID!) { answerFollowUp(id: $f, input: {answer: NO, why: \"Too dark\"}) { answer } }",
                Map.of("f", followUp));
        JsonPath mine = ok(token("contact"), "query($f: ID!) { loopFollowUp(id: $f) { threadId thread { id messages { nodes { body } } } } }",
                Map.of("f", followUp));
        String thread = mine.getString("data.loopFollowUp.threadId");
        assertNotNull(thread, mine::prettify);
        assertEquals(thread, mine.getString("data.loopFollowUp.thread.id"));

        for (String role : List.of("admin", "agent", "marketer", "analyst")) {
            JsonPath staff = GraphQL.query(token(role), """
                    query($c: ID!, $k: ID, $f: ID!, $t: ID!) { contact(id: $c) { id loopFollowUps { nodes { id } } touches { nodes { campaign payloadRef } } }
                      loopFollowUp(id: $f) { id } byPerson: whyNotThreads(contactId: $c) { nodes { id } }
                      byConsultation: whyNotThreads(consultationId: $k) { nodes { id contactId contact { id } messages { nodes { author } } } }
                      whyNotThread(id: $t) { contactId contact { id } } }""",
                    Map.of("c", shy, "k", id, "f", followUp, "t", thread));
            String everything = staff.prettify();
            assertNull(staff.get("data.loopFollowUp"), role + everything);
            assertFalse(String.valueOf(staff.getList("data.contact.loopFollowUps.nodes.id")).contains(followUp), role + everything);
            assertFalse(String.valueOf(staff.getList("data.byPerson.nodes.id")).contains(thread), role + everything);
            assertEquals(thread, staff.getString("data.byConsultation.nodes[0].id"), role + everything);
            assertNull(staff.get("data.byConsultation.nodes[0].contactId"), role + everything);
            assertNull(staff.get("data.whyNotThread.contactId"), role + everything);
            assertEquals(List.of("contact"), staff.getList("data.byConsultation.nodes[0].messages.nodes.author"), role + everything);
            String touches = String.valueOf(staff.getList("data.contact.touches.nodes"));
            assertFalse(touches.contains(action) || touches.contains(thread) || touches.contains("feedback:action"), role + touches);
        }
        JsonPath export = ok(token("admin"), "query($c: ID!) { exportPersonalData(contactId: $c) { services { service data } } }",
                Map.of("c", shy));
        String exported = export.prettify();
        assertFalse(exported.contains(thread) || exported.contains(action) || exported.contains(lights), exported);
    }

    private static String openConsultation(String title) {
        String id = ok(token("marketer"), """
                mutation($t: String) { createConsultation(input: {title: $t, purpose: "p", initiatives: [{title: "One"}]}) { id } }""",
                Map.of("t", title)).getString("data.createConsultation.id");
        ok(token("marketer"), "mutation($id: ID!) { changeConsultationStatus(consultationId: $id, status: OPEN) { status } }",
                Map.of("id", id));
        return id;
    }

    private static JsonPath invitations(String consultation) {
        return ok(token("marketer"), """
                query($id: ID!) { consultationInvitations(consultationId: $id, first: 10) { nodes { id contactId
                  delivery { status reasons } } } }""", Map.of("id", consultation));
    }

    /** A contact with an e-mail it gave and a grant for the purpose, once consent-service knows the e-mail. */
    private static String consentingContact(String name, String purpose) throws InterruptedException {
        String id = Suite.createContact(name);
        Suite.await(Duration.ofSeconds(60),
                () -> ok(token("agent"), "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }", Map.of("id", id)),
                a -> !a.getList("data.contactPointFacts").isEmpty());
        ok(token("marketer"), """
                mutation($id: ID!, $p: String) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: $p, channel: EMAIL,
                  source: AGENT}) { id } }""", Map.of("id", id, "p", purpose));
        return id;
    }
}

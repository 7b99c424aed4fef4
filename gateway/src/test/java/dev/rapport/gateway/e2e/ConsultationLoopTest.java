package dev.rapport.gateway.e2e;

import static dev.rapport.gateway.e2e.Suite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The consultation loop (docs/feedback.md), through GraphQL only: initiatives, invitations through consent, responses
 * ranking the initiatives, priorities, a "you said, we did" action published to exactly those who rated it, the
 * "does this work for you?" follow-up answered (a NO opens a "why not" thread an agent replies to), and loop metrics.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class ConsultationLoopTest {

    @Test
    void youSaidWeDidClosesTheLoop() throws InterruptedException {
        Suite.purpose("survey", "CONSENT");
        String ann = consentingContact("Ann");
        String bob = consentingContact("Bob");
        String nobody = consentingContact("Nobody");

        JsonPath consultation = ok(Suite.token("marketer"), """
                mutation { createConsultation(input: {title: "Our plans for 2027", purpose: "Tell us what matters",
                  initiatives: [{title: "Longer opening hours"}, {title: "Free parking"}]}) { id initiatives { nodes { id title } } } }""");
        String id = consultation.getString("data.createConsultation.id");
        String hours = consultation.getString("data.createConsultation.initiatives.nodes[0].id");
        String parking = consultation.getString("data.createConsultation.initiatives.nodes[1].id");
        ok(Suite.token("marketer"), "mutation($id: ID!) { changeConsultationStatus(consultationId: $id, status: OPEN) { status } }",
                Map.of("id", id));
        // a person is invited at most once per consultation: asking again after a timeout is safe
        Suite.okRetrying(() -> Suite.token("marketer"), """
                mutation($id: ID!, $a: ID, $b: ID, $c: ID) { inviteToConsultation(consultationId: $id, input: {
                  audience: [{contactId: $a}, {contactId: $b}, {contactId: $c}], channel: EMAIL,
                  segmentRef: "e2e-loop"}) }""", Map.of("id", id, "a", ann, "b", bob, "c", nobody));

        // consent-service decides each invitation; one it could not answer in time is retried by feedback-service
        JsonPath invitations = Suite.await(Duration.ofSeconds(150), () -> ok(Suite.token("marketer"), """
                query($id: ID!) { consultationInvitations(consultationId: $id, first: 10) { nodes { id contactId
                  delivery { status reasons } } } }""", Map.of("id", id)),
                a -> a.getList("data.consultationInvitations.nodes.delivery.status").stream().allMatch("QUEUED"::equals));
        List<Map<String, Object>> nodes = invitations.getList("data.consultationInvitations.nodes");
        assertEquals(3, nodes.size());
        nodes.forEach(n -> assertEquals("QUEUED", ((Map<?, ?>) n.get("delivery")).get("status"), invitations::prettify));

        // Ann answers herself (the demo contact user); Bob's paper form is keyed in by the marketer; Nobody does not answer
        Suite.linkContactUser(ann);
        respond(Suite.token("contact"), invitationOf(nodes, ann), """
                [{initiativeId: "%s", bucket: ESSENTIAL, comment: "=HYPERLINK(\\"http://evil.example\\",\\"see\\")"},
                 {initiativeId: "%s", bucket: NOT_IMPORTANT}]""".formatted(hours, parking));
        respond(Suite.token("marketer"), invitationOf(nodes, bob), "[{initiativeId: \"%s\", bucket: IMPORTANT}]".formatted(hours));

        JsonPath priorities = ok(Suite.token("marketer"), """
                query($id: ID!) { priorities(consultationId: $id) { respondents initiatives { initiativeId rank score ratings } } }""",
                Map.of("id", id));
        assertEquals(2, priorities.getInt("data.priorities.respondents"));
        assertEquals(hours, priorities.getString("data.priorities.initiatives[0].initiativeId"));
        assertEquals(1, priorities.getInt("data.priorities.initiatives[0].rank"));
        BigDecimal score = new BigDecimal(priorities.getString("data.priorities.initiatives[0].score"));
        assertEquals(0, new BigDecimal("83.3").compareTo(score.setScale(1, RoundingMode.HALF_UP)), priorities::prettify);

        String action = ok(Suite.token("marketer"), """
                mutation($i: ID) { createAction(input: {initiativeId: $i, decision: WILL_DO,
                  description: "Open until 20:00 from January"}) { id } }""", Map.of("i", hours)).getString("data.createAction.id");
        JsonPath published = ok(Suite.token("marketer"), "mutation($id: ID!) { publishAction(id: $id) { recipients unreachableAnonymous } }",
                Map.of("id", action));
        assertEquals(2, published.getInt("data.publishAction.recipients"), "only the two who rated it are told");

        // "Does this work for you?" — Ann: no, and why; an agent answers in the thread. Bob: yes.
        String annFollowUp = followUpOf(Suite.token("contact"), "{ me { loopFollowUps { nodes { id actionId answer } } } }", "data.me.loopFollowUps.nodes");
        JsonPath no = ok(Suite.token("contact"), """
                mutation($id: ID!) { answerFollowUp(id: $id, input: {answer: NO, why: "I work until 20:00"}) { answer } }""",
                Map.of("id", annFollowUp));
        assertEquals("NO", no.getString("data.answerFollowUp.answer"));
        List<String> threads = ok(Suite.token("contact"), "query($c: ID) { whyNotThreads(consultationId: $c) { nodes { id initiativeId } } }",
                Map.of("c", id)).getList("data.whyNotThreads.nodes.id");
        assertEquals(1, threads.size(), "a NO opens one thread with that person");
        String thread = threads.get(0);
        ok(Suite.token("agent"), """
                mutation($t: ID!) { postThreadMessage(threadId: $t, input: {body: "Saturdays until 22:00, would that help?"}) {
                  status } }""", Map.of("t", thread));
        JsonPath threadRead = ok(Suite.token("contact"), "query($t: ID!) { whyNotThread(id: $t) { contactId messages { nodes { fromStaff body } } } }",
                Map.of("t", thread));
        assertEquals(List.of(false, true), threadRead.getList("data.whyNotThread.messages.nodes.fromStaff"));
        String bobFollowUp = followUpOf(Suite.token("agent"), "query { contact(id: \"" + bob + "\") { loopFollowUps { nodes { id actionId answer } } } }",
                "data.contact.loopFollowUps.nodes");
        ok(Suite.token("agent"), "mutation($id: ID!) { answerFollowUp(id: $id, input: {answer: YES}) { answer } }", Map.of("id", bobFollowUp));

        JsonPath metrics = ok(Suite.token("marketer"), """
                query($id: ID!) { loopMetrics(consultationId: $id) { respondents reachableRespondents answeredOnEverything
                  shareAnswered openThreads answeredThreads closedThreads } }""", Map.of("id", id));
        assertEquals(2, metrics.getInt("data.loopMetrics.respondents"));
        assertEquals(2, metrics.getInt("data.loopMetrics.reachableRespondents"));
        assertEquals(1, metrics.getInt("data.loopMetrics.answeredOnEverything"), metrics::prettify);
        assertEquals(1, metrics.getInt("data.loopMetrics.answeredThreads"), metrics::prettify);

        exportsAsCsv(id, ann, bob, nobody, invitationOf(nodes, nobody));
    }

    /** The CSV files a console saves: formulas stay text, and an anonymous paper form keyed in leaves no trace of its author. */
    private static void exportsAsCsv(String id, String ann, String bob, String nobody, String nobodysInvitation) {
        String anonymous = ok(Suite.token("marketer"), """
                mutation($inv: ID) { submitConsultationResponse(input: {invitationId: $inv, anonymous: true,
                  ratings: [{initiativeId: "%s", bucket: LOW_BUT_IMPORTANT, comment: "@SUM(1+1)"}]}) { id } }"""
                .formatted(ok(Suite.token("marketer"), "query($id: ID!) { consultation(id: $id) { initiatives { nodes { id } } } }",
                        Map.of("id", id)).getString("data.consultation.initiatives.nodes[1].id")), Map.of("inv", nobodysInvitation))
                .getString("data.submitConsultationResponse.id");

        JsonPath responses = ok(Suite.token("analyst"), """
                query($id: ID!) { consultationResponsesCsv(consultationId: $id) { fileName mediaType content } }""", Map.of("id", id));
        assertEquals("responses-" + id + ".csv", responses.getString("data.consultationResponsesCsv.fileName"));
        assertTrue(responses.getString("data.consultationResponsesCsv.mediaType").startsWith("text/csv"));
        String csv = responses.getString("data.consultationResponsesCsv.content");
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(5, lines.size(), csv);
        assertTrue(lines.get(1).contains("," + ann + ",") && lines.get(1).endsWith(
                ",ESSENTIAL,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"see\"\")\""), csv);
        assertTrue(lines.get(3).contains("," + bob + ","), csv);
        assertTrue(lines.get(4).startsWith("anonymous-1,true,,,,2,") && lines.get(4).endsWith(",LOW_BUT_IMPORTANT,'@SUM(1+1)"), csv);
        assertFalse(csv.contains(nobody) || csv.contains(anonymous) || csv.contains(nobodysInvitation), csv);

        JsonPath priorities = ok(Suite.token("marketer"), """
                query($id: ID!) { prioritiesCsv(consultationId: $id) { fileName content } }""", Map.of("id", id));
        assertTrue(priorities.getString("data.prioritiesCsv.content").startsWith("rank,position,initiativeId,title,score,"),
                priorities::prettify);
        assertEquals(3, priorities.getString("data.prioritiesCsv.content").split("\r\n").length, priorities::prettify);
        JsonPath refused = GraphQL.query(Suite.token("agent"),
                "query($id: ID!) { consultationResponsesCsv(consultationId: $id) { content } }", Map.of("id", id));
        assertEquals("forbidden", refused.getString("errors[0].extensions.code"), refused::prettify);
    }

    /** A contact with an e-mail it gave and a survey grant, once consent-service knows the e-mail. */
    private static String consentingContact(String name) throws InterruptedException {
        String id = Suite.createContact(name);
        JsonPath facts = Suite.await(Duration.ofSeconds(60),
                () -> ok(Suite.token("agent"), "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }", Map.of("id", id)),
                a -> !a.getList("data.contactPointFacts").isEmpty());
        assertEquals(1, facts.getList("data.contactPointFacts").size(), facts::prettify);
        ok(Suite.token("marketer"), """
                mutation($id: ID!) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: "survey", channel: EMAIL,
                  source: AGENT}) { id } }""", Map.of("id", id));
        return id;
    }

    private static String invitationOf(List<Map<String, Object>> invitations, String contactId) {
        return invitations.stream().filter(n -> contactId.equals(n.get("contactId"))).findFirst().orElseThrow().get("id").toString();
    }

    private static void respond(String token, String invitationId, String ratings) {
        JsonPath answer = ok(token, """
                mutation($inv: ID) { submitConsultationResponse(input: {invitationId: $inv, ratings: %s}) { id } }"""
                .formatted(ratings), Map.of("inv", invitationId));
        assertTrue(answer.getString("data.submitConsultationResponse.id") != null);
    }

    private static String followUpOf(String token, String document, String path) {
        List<Map<String, Object>> followUps = ok(token, document).getList(path);
        assertEquals(1, followUps.size(), () -> String.valueOf(followUps));
        return followUps.get(0).get("id").toString();
    }
}

package dev.rapport.web.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/** What staff do before a person opens a page: consultations, invitations, published actions, cases — through GraphQL. */
public final class Scenarios {
    private Scenarios() {
    }

    /** An open consultation with these initiatives (title, description); answers {id, initiative ids in order}. */
    public record Consultation(String id, List<String> initiatives) {
    }

    public static Consultation openConsultation(String title, List<String[]> initiatives) {
        List<Map<String, String>> input = initiatives.stream()
                .map(i -> i[1] == null ? Map.of("title", i[0]) : Map.of("title", i[0], "description", i[1])).toList();
        JsonNode created = Gql.as("marketer", """
                mutation($input: ConsultationInput!) { createConsultation(input: $input) { id
                  initiatives(first: 100) { nodes { id } pageInfo { hasNextPage endCursor } } } }""",
                Map.of("input", Map.of("title", title, "purpose", "survey", "initiatives", input))).path("createConsultation");
        String id = created.path("id").asText();
        Gql.as("marketer", "mutation($id: ID!) { changeConsultationStatus(consultationId: $id, status: OPEN) { status } }",
                Map.of("id", id));
        List<String> ids = new ArrayList<>();
        JsonNode page = created.path("initiatives");
        for (;;) {
            page.path("nodes").forEach(i -> ids.add(i.path("id").asText()));
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
                return new Consultation(id, ids);
            }
            page = Gql.as("marketer", """
                    query($id: ID!, $after: String) { consultation(id: $id) {
                      initiatives(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }""",
                    Map.of("id", id, "after", page.path("pageInfo").path("endCursor").asText())).path("consultation").path("initiatives");
        }
    }

    /** Invites the person (survey consent by e-mail granted first) and answers the invitation's id once it exists. */
    public static String invite(Consultation consultation, Person person) {
        grantSurvey(person);
        Gql.as("marketer", """
                mutation($id: ID!, $c: ID) { inviteToConsultation(consultationId: $id,
                  input: {audience: [{contactId: $c}], channel: EMAIL}) }""",
                Map.of("id", consultation.id(), "c", person.contactId()));
        JsonNode invitations = await(() -> person.call("query { me { invitations(first: 50) { nodes { id consultationId } } } }", Map.of())
                .path("me").path("invitations").path("nodes"), list -> find(list, "consultationId", consultation.id()) != null);
        return find(invitations, "consultationId", consultation.id()).path("id").asText();
    }

    /** The person's e-mail consent for surveys (as they would give it), once consent-service knows their address. */
    public static void grantSurvey(Person person) {
        await(() -> Gql.as("agent", "query($id: ID!) { contactPointFacts(contactId: $id) { contactPointId } }",
                Map.of("id", person.contactId())).path("contactPointFacts"), facts -> facts.size() > 0);
        person.call("""
                mutation($id: ID!) { recordConsent(contactId: $id, input: {kind: GRANT, purpose: "survey", channel: EMAIL,
                  source: PREFERENCE_CENTRE}) { id } }""", Map.of("id", person.contactId()));
    }

    /** The person answers (named) with one bucket for the first initiative. */
    public static void respond(Person person, String invitationId, String initiativeId, String bucket, String comment) {
        person.call("""
                mutation($input: ConsultationResponseInput!) { submitConsultationResponse(input: $input) { id } }""",
                Map.of("input", Map.of("invitationId", invitationId, "anonymous", false,
                        "ratings", List.of(comment == null ? Map.of("initiativeId", initiativeId, "bucket", bucket)
                                : Map.of("initiativeId", initiativeId, "bucket", bucket, "comment", comment)))));
    }

    /** "You said, we did": the marketer decides on an initiative and publishes it; answers the person's follow-up id. */
    public static String publish(String initiativeId, String decision, String description, Person person) {
        String action = Gql.as("marketer", """
                mutation($i: ID, $d: ActionDecision, $t: String) { createAction(input: {initiativeId: $i, decision: $d,
                  description: $t}) { id } }""", Map.of("i", initiativeId, "d", decision, "t", description))
                .path("createAction").path("id").asText();
        Gql.as("marketer", "mutation($id: ID!) { publishAction(id: $id) { recipients } }", Map.of("id", action));
        JsonNode followUps = await(() -> person.call("query { me { loopFollowUps { nodes { id actionId } } } }", Map.of())
                .path("me").path("loopFollowUps").path("nodes"), list -> find(list, "actionId", action) != null);
        return find(followUps, "actionId", action).path("id").asText();
    }

    /** A case the person opened, resolved by an agent: waiting for the person's confirmation. */
    public static String resolvedCase(Person person, String problem) {
        String id = person.call("""
                mutation($me: ID, $p: String) { openCase(input: {contactId: $me, problem: $p, channel: CHAT}) { id } }""",
                Map.of("me", person.contactId(), "p", problem)).path("openCase").path("id").asText();
        resolve(id);
        return id;
    }

    public static void resolve(String caseId) {
        Gql.as("agent", "mutation($id: ID!) { resolveCase(id: $id, input: {note: \"Fixed\", onFirstContact: true}) { status } }",
                Map.of("id", caseId));
    }

    /** Staff answer a "why not" thread. */
    public static void staffReply(String threadId, String body) {
        Gql.as("agent", "mutation($t: ID!, $b: String) { postThreadMessage(threadId: $t, input: {body: $b}) { status } }",
                Map.of("t", threadId, "b", body));
    }

    public static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return null;
    }

    /** Polls until the answer passes (what travels asynchronously: outbox, outreach), at most two minutes. */
    public static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Not reached within two minutes; last answer: " + last);
    }
}

package dev.rapport.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.suite.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo loader against the real services and gateway (their built jars, empty embedded databases, development-key
 * tokens): after one run every staff view has something to show, read through GraphQL as the role that sees it; a
 * second run adds nothing.
 */
class DemoDataTest {
    private static final List<String> MEMBERS = List.of(Suite.CONTACTS, Suite.CONSENT, Suite.FEEDBACK, Suite.GATEWAY);
    private static Suite suite;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        assumeTrue(Suite.available(Suite.repoFromModule(), false, MEMBERS), "needs the built service and gateway jars");
        suite = Suite.builder(Suite.repoFromModule()).keycloak(false).members(MEMBERS.toArray(String[]::new)).start();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.stop();
        }
    }

    @Test
    void everyStaffViewHasDataAndARerunAddsNothing() {
        DemoData demo = new DemoData(TokenSource.fixed(Map.of("admin", token("admin"), "agent", token("agent"),
                "marketer", token("marketer"))), new Target(suite.url(Suite.CONTACTS), suite.url(Suite.CONSENT), suite.url(Suite.FEEDBACK)));
        String casey = casey();
        long start = System.nanoTime();
        DemoData.Loaded loaded = demo.load();
        System.out.printf("first run: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertTrue(loaded.people() >= 2000, "people: " + loaded.people());

        Map<String, Object> before = views(loaded);
        before.put("casey", caseysPages(casey));

        start = System.nanoTime();
        DemoData.Loaded again = demo.load();
        System.out.printf("second run: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(loaded, again);
        Map<String, Object> after = views(again);
        after.put("casey", caseysPages(casey));
        assertEquals(before, after, "a second run must not add anything");
    }

    /** The demo customer ./rapport creates and links to the demo user 'contact', created the same way. */
    private static String casey() {
        Http http = new Http(TokenSource.fixed(Map.of("admin", token("admin"))));
        return http.post("admin", suite.url(Suite.CONTACTS) + "/contacts", Map.of("givenName", "Casey", "familyName", "Customer",
                "owner", "agent", "lifecycleStage", "CUSTOMER", "contactPoints", List.of(Map.of("channel", "EMAIL",
                        "address", "casey.customer@example.com", "context", "PERSONAL",
                        "provenance", Map.of("kind", "PROVIDED_BY_CONTACT", "source", "demo-signup-form"))))).path("id").asText();
    }

    /** What the person logged in as Casey finds on their pages: a consultation to rank and a case to confirm. */
    private static JsonNode caseysPages(String casey) {
        JsonNode me = graphql("contact:" + casey, "{ me { invitations { nodes { consultationTitle } } cases(status: RESOLVED) { nodes { problem } } "
                + "consents { purpose status } } }").path("me");
        assertEquals(1, me.path("invitations").path("nodes").size(), me.toString());
        assertEquals(1, me.path("cases").path("nodes").size(), me.toString());
        assertTrue(me.path("consents").toString().contains("survey"), me.toString());
        return me;
    }

    /** Checks what each view shows and answers its counts (to compare runs). */
    private static Map<String, Object> views(DemoData.Loaded loaded) {
        Map<String, Object> counts = new LinkedHashMap<>();
        String from = Instant.now().minus(Duration.ofDays(400)).toString();
        String to = Instant.now().plus(Duration.ofDays(1)).toString();

        // Agent: contacts with every provenance, the work queue of every signal kind
        JsonNode contacts = graphql("agent", "{ contacts(first: 100) { nodes { id contactPoints { provenance { kind } } } "
                + "pageInfo { hasNextPage } } }").path("contacts");
        assertEquals(100, contacts.path("nodes").size());
        assertTrue(contacts.path("pageInfo").path("hasNextPage").asBoolean());
        Set<String> provenance = new HashSet<>();
        String after = null;
        for (int page = 0; page < 6; page++) {
            JsonNode p = graphql("agent", "query($after: String) { contacts(first: 100, after: $after) { nodes { contactPoints { "
                    + "provenance { kind } } } pageInfo { endCursor } } }", after == null ? Map.of() : Map.of("after", after)).path("contacts");
            p.path("nodes").forEach(n -> n.path("contactPoints").forEach(cp -> provenance.add(cp.path("provenance").path("kind").asText())));
            after = p.path("pageInfo").path("endCursor").asText();
        }
        assertEquals(Set.of("PROVIDED_BY_CONTACT", "IMPORTED", "ENRICHMENT", "INFERRED"), provenance);
        Set<String> kinds = new HashSet<>();
        graphql("agent", "{ signalSummary { kind count } }").path("signalSummary").forEach(s -> kinds.add(s.path("kind").asText()));
        assertEquals(Set.of("SPEND_THRESHOLD", "OVERDUE_BUYER", "DISENGAGING", "FOLLOW_UP_DUE", "NOT_THANKED"), kinds);
        counts.put("signals", graphql("agent", "{ signalSummary { owner kind count } }"));

        // Analyst: cases by outcome, ratings, greetings, renewal tiers
        JsonNode cases = graphql("analyst", "query($from: DateTime, $to: DateTime) { caseMetrics(from: $from, to: $to) { "
                + "opened resolvedAndConfirmed awaitingConfirmation reopenRate } }", Map.of("from", from, "to", to)).path("caseMetrics");
        assertTrue(cases.path("opened").asInt() > 100, cases.toString());
        assertTrue(cases.path("resolvedAndConfirmed").asInt() > 0 && cases.path("awaitingConfirmation").asInt() > 0, cases.toString());
        counts.put("cases", cases);
        JsonNode ratings = graphql("analyst", "query($from: DateTime, $to: DateTime) { ratingReport(by: STAFF, from: $from, to: $to) { "
                + "overall { count } groups { key count } } }", Map.of("from", from, "to", to)).path("ratingReport");
        assertTrue(ratings.path("groups").size() >= 5, ratings.toString());
        counts.put("ratings", ratings);
        JsonNode greetings = graphql("analyst", "query($from: DateTime, $to: DateTime) { greetingReport(from: $from, to: $to) { "
                + "touchpoints { touchpoint visitors shareGreeted } } }", Map.of("from", from, "to", to)).path("greetingReport");
        assertEquals(3, greetings.path("touchpoints").size(), greetings.toString());
        counts.put("greetings", greetings);
        for (String period : List.of(RenewalLoader.LAST_SEASON, RenewalLoader.THIS_SEASON)) {
            JsonNode report = graphql("analyst", "query($p: ID!, $period: String!) { renewalReport(programmeId: $p, period: $period) { "
                    + "tiers { tier members renewalRate lift } } }", Map.of("p", loaded.programmeId(), "period", period)).path("renewalReport");
            assertEquals(5, report.path("tiers").size(), report.toString());
            report.path("tiers").forEach(t -> assertTrue(t.path("members").asInt() > 20, report.toString()));
            counts.put("renewal " + period, report);
        }

        // Marketer: the consultation, its priorities, what we did, the loop, the newsletter's outcomes
        JsonNode consultation = graphql("marketer", "query($id: ID!) { consultation(id: $id) { status initiatives(first: 1) { totalCount } } }",
                Map.of("id", loaded.consultationId())).path("consultation");
        assertEquals(125, consultation.path("initiatives").path("totalCount").asInt());
        JsonNode priorities = graphql("marketer", "query($id: ID!) { priorities(consultationId: $id) { respondents "
                + "initiatives { rank score ratings } } }", Map.of("id", loaded.consultationId())).path("priorities");
        assertTrue(priorities.path("respondents").asInt() > 300, "respondents " + priorities.path("respondents"));
        counts.put("priorities", priorities);
        JsonNode actions = graphql("marketer", "query($id: ID!) { actions(consultationId: $id) { decision publishedAt } }",
                Map.of("id", loaded.consultationId())).path("actions");
        assertEquals(16, actions.size());
        assertTrue(actions.toString().contains("WONT_DO") && actions.toString().contains("\"publishedAt\":null"), actions.toString());
        JsonNode loop = graphql("marketer", "query($id: ID!) { loopMetrics(consultationId: $id) { respondents answeredOnEverything "
                + "openThreads answeredThreads } }", Map.of("id", loaded.consultationId())).path("loopMetrics");
        assertTrue(loop.path("openThreads").asInt() > 0 && loop.path("answeredThreads").asInt() > 0, loop.toString());
        counts.put("loop", loop);
        for (String status : List.of("QUEUED", "DENIED")) {
            JsonNode outreach = graphql("marketer", "query($c: String, $s: OutreachStatus) { outreachRequests(campaign: $c, status: $s, first: 1) { "
                    + "nodes { status } } }", Map.of("c", ConsentLoader.NEWSLETTER_CAMPAIGN, "s", status)).path("outreachRequests").path("nodes");
            assertEquals(1, outreach.size(), status + " newsletter requests: " + outreach);
        }
        counts.put("people", graphql("admin", "{ contacts(first: 1) { pageInfo { hasNextPage } } }"));
        return counts;
    }

    private static JsonNode graphql(String role, String query) {
        return graphql(role, query, Map.of());
    }

    /** A query that must answer; asked again while a service times out (a cold report on a busy machine can). */
    private static JsonNode graphql(String role, String query, Map<String, Object> variables) {
        for (int attempt = 0; ; attempt++) {
            JsonNode answer = ask(role, query, variables);
            boolean slow = answer.path("errors").toString().contains("service-unavailable");
            if (!slow || attempt == 4) {
                assertTrue(answer.path("errors").isMissingNode(), query + " → " + answer);
                return answer.path("data");
            }
            ContactsLoader.sleep(3000);
        }
    }

    private static JsonNode ask(String role, String query, Map<String, Object> variables) {
        try {
            String body = Http.JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(suite.url(Suite.GATEWAY) + "/graphql"))
                    .header("Authorization", "Bearer " + token(role)).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Http.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String role) {
        return role.startsWith("contact:") ? Tokens.forContact(role.substring("contact:".length())) : Tokens.forRoles(role, role);
    }
}

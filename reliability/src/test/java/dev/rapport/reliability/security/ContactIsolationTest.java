package dev.rapport.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.KeycloakAdmin;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code contact} token for person A (a real Keycloak user whose {@code contact_id} is A) against everything that
 * names or reaches person B: every operation of every service with B's ids in every path and contact query
 * parameter, writes on B's behalf, and GraphQL fields (top level and nested under lists). Each is refused, or answers
 * without any of B's data (B's ids, name and address never appear in a successful answer), and B's records are
 * unchanged.
 */
@ExtendWith(QuickSuite.class)
class ContactIsolationTest {
    private static String a;
    private static String b;
    private static String bCase;
    private static String bEvent;
    private static String tokenA;
    private static List<String> markersOfB;

    @BeforeAll
    static void twoPeople() {
        QuickSuite.Running suite = QuickSuite.get();
        String admin = suite.admin();
        a = create(suite, "Anna", "Isolation-A");
        b = create(suite, "Beatrix", "Isolation-B");
        Http.postJson(suite.url(Suite.CONSENT) + "/purposes", admin,
                Map.of("code", "isolation-news", "description", "Isolation test", "lawfulBasis", "CONSENT"));
        bEvent = ok(Http.postJson(suite.url(Suite.CONSENT) + "/contacts/" + b + "/consent-events", admin,
                Map.of("kind", "GRANT", "purpose", "isolation-news", "channel", "EMAIL", "source", "WEB_FORM"))).path("id").asText();
        bCase = ok(Http.postJson(suite.url(Suite.FEEDBACK) + "/cases", admin,
                Map.of("contactId", b, "problem", "Beatrix-secret-problem", "channel", "PHONE"))).path("id").asText();
        ok(Http.postJson(suite.url(Suite.CONTACTS) + "/contacts/" + b + "/follow-ups", admin,
                Map.of("dueOn", "2031-01-01", "topic", "Beatrix-secret-follow-up")));
        new KeycloakAdmin(suite.suite()).createUser("person-a", "contact", Map.of("contact_id", a));
        tokenA = suite.token("person-a");
        markersOfB = List.of(b, bCase, bEvent, "Beatrix", "Isolation-B", "Beatrix-secret");
    }

    private static String create(QuickSuite.Running suite, String given, String family) {
        return ok(Http.postJson(suite.url(Suite.CONTACTS) + "/contacts", suite.admin(), Map.of("givenName", given, "familyName", family)))
                .path("id").asText();
    }

    private static JsonNode ok(Http.Answer a) {
        assertTrue(a.status() < 300, a.toString());
        return a.json();
    }

    private static String leak(Http.Answer answer) {
        if (answer.status() >= 300) {
            return null;
        }
        String text = answer.text();
        return markersOfB.stream().filter(text::contains).findFirst().orElse(null);
    }

    @Test
    void personAReachesNothingOfPersonBThroughAnyServiceOperation() {
        QuickSuite.Running suite = QuickSuite.get();
        Map<String, Integer> before = countsOfB(suite);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String service : Suite.SERVICES) {
            String base = suite.url(service);
            JsonNode api = Http.get(base + "/q/openapi?format=json", null).json();
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                var path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    var op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                        continue;
                    }
                    for (String id : List.of(b, bCase, bEvent)) {
                        String url = base + path.getKey().replaceAll("\\{[^}]+}", id) + contactQuery(op.getValue());
                        boolean body = method.equals("POST") || method.equals("PUT");
                        Http.Answer answer = Http.send(method, url, tokenA, body ? "application/json" : null,
                                body ? ("{\"contactId\":\"" + b + "\"}").getBytes(StandardCharsets.UTF_8) : null);
                        sent++;
                        String leaked = leak(answer);
                        if (answer.status() >= 500 || leaked != null) {
                            failures.add(service + " " + method + " " + url + " → " + (leaked == null ? "" : "shows " + leaked + ": ") + answer);
                        }
                        if (!path.getKey().contains("{")) {
                            break;
                        }
                    }
                }
            }
        }
        failures.addAll(writesOnBehalfOfB(suite));
        sent += 6;
        System.out.printf("[reliability] contact isolation: %d REST requests as person A naming person B, %d leaks%n", sent, failures.size());
        assertEquals(before, countsOfB(suite), "person A changed person B's records");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String contactQuery(JsonNode op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asText();
            if ("query".equals(p.path("in").asText()) && name.toLowerCase().startsWith("contactid")) {
                q.append(q.length() == 0 ? "?" : "&").append(name).append('=').append(b);
            }
        }
        return q.toString();
    }

    private static List<String> writesOnBehalfOfB(QuickSuite.Running suite) {
        List<String> failures = new ArrayList<>();
        Map<String, Object[]> writes = Map.of(
                "follow-up for B", new Object[] {suite.url(Suite.CONTACTS) + "/contacts/" + b + "/follow-ups", "POST",
                        Map.of("dueOn", "2031-02-01", "topic", "written by A")},
                "withdrawal for B", new Object[] {suite.url(Suite.CONSENT) + "/contacts/" + b + "/consent-events", "POST",
                        Map.of("kind", "WITHDRAW", "purpose", "isolation-news", "source", "PREFERENCE_CENTRE")},
                "policy for B", new Object[] {suite.url(Suite.CONSENT) + "/contacts/" + b + "/policy", "PUT", Map.of("doNotContact", true)},
                "rating as B", new Object[] {suite.url(Suite.FEEDBACK) + "/ratings", "POST",
                        Map.of("subjectType", "CASE", "subjectId", bCase, "stars", 1, "contactId", b)},
                "reopen B's case", new Object[] {suite.url(Suite.FEEDBACK) + "/cases/" + bCase + "/reopening", "POST",
                        Map.of("reason", "written by A")},
                "erase B", new Object[] {suite.url(Suite.CONSENT) + "/contacts/" + b + "/erasure", "POST", Map.of()});
        writes.forEach((name, w) -> {
            Http.Answer answer;
            try {
                answer = Http.send((String) w[1], (String) w[0], tokenA, "application/json", Http.JSON.writeValueAsBytes(w[2]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add(name + ": " + answer);
            }
        });
        return failures;
    }

    private static Map<String, Integer> countsOfB(QuickSuite.Running suite) {
        String admin = suite.admin();
        return Map.of(
                "followUps", count(Http.get(suite.url(Suite.CONTACTS) + "/contacts/" + b + "/follow-ups?includeCompleted=true", admin)),
                "consentEvents", count(Http.get(suite.url(Suite.CONSENT) + "/contacts/" + b + "/consent-events?limit=100", admin)),
                "policy", Http.get(suite.url(Suite.CONSENT) + "/contacts/" + b + "/policy", admin).text().hashCode(),
                "case", Http.get(suite.url(Suite.FEEDBACK) + "/cases/" + bCase, admin).text().hashCode());
    }

    private static int count(Http.Answer a) {
        JsonNode n = a.json();
        return n.isArray() ? n.size() : n.path("items").size();
    }

    @Test
    void personAReachesNothingOfPersonBThroughGraphQL() {
        String gateway = QuickSuite.get().url(Suite.GATEWAY);
        List<String> queries = List.of(
                "{ contact(id: \"" + b + "\") { id displayName } }",
                "{ contact(id: \"" + b + "\") { id contactPoints { id } consents { purpose } cases { id } followUps { id } } }",
                "{ contacts(first: 50) { nodes { id displayName consents { purpose } } } }",
                "{ me { id displayName } }",
                "{ me { id cases { id } followUps { id } consentLedger { nodes { id } } } }",
                "{ supportCase(id: \"" + bCase + "\") { id } }",
                "mutation { setPolicy(contactId: \"" + b + "\", input: {doNotContact: true}) { contactId } }",
                "mutation { recordConsent(contactId: \"" + b + "\", input: {kind: WITHDRAW, purpose: \"isolation-news\", source: PREFERENCE_CENTRE}) { id } }");
        List<String> failures = new ArrayList<>();
        for (String q : queries) {
            Http.Answer answer = Http.graphql(gateway, tokenA, q, null);
            String data = answer.json().path("data").toString();
            String leaked = markersOfB.stream().filter(data::contains).findFirst().orElse(null);
            if (answer.status() >= 500 || leaked != null) {
                failures.add(q + " → " + (leaked == null ? "" : "shows " + leaked + ": ") + answer);
            }
        }
        Http.Answer me = Http.graphql(gateway, tokenA, "{ me { id } }", null);
        assertEquals(a, me.json().at("/data/me/id").asText(), "person A's own data is reachable: " + me);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}

package dev.rapport.reliability.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile GraphQL documents against the gateway: each is refused before any service is called, cheaply, with an error
 * carrying a {@code code} (or an HTTP 4xx for what never reaches the GraphQL engine); and an ordinary caller is still
 * answered in its normal time while they arrive. Then every mutation of the schema with bad arguments.
 */
@ExtendWith(QuickSuite.class)
class GraphQLAbuseTest {
    private static final Tally TALLY = new Tally("gateway");

    private static String gateway() {
        return QuickSuite.get().url(Suite.GATEWAY);
    }

    /** The hostile documents, by name: each is a complete request body. */
    static Map<String, String> bombs() {
        String depth = "{ __schema { types { fields { type" + " { ofType".repeat(12) + " { name }" + " }".repeat(12) + " } } } }";
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            aliases.append(" a").append(i).append(": __typename");
        }
        aliases.append(" }");
        String cycle = "query { ...A } fragment A on Query { ...B __typename } fragment B on Query { ...A __typename }";
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            wide.append(" __typename");
        }
        wide.append(" }");
        ObjectNode hugeVariables = Http.JSON.createObjectNode().put("query", "query($s: String) { __typename }");
        hugeVariables.putObject("variables").put("s", "x".repeat(3 * 1024 * 1024));
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"query\":\"{ purposes { code } }\"}");
        }
        batch.append("]");
        String ordinary = "{ purposes { code } }";
        return Map.ofEntries(
                Map.entry("variables as a string", "{\"query\":\"" + ordinary + "\",\"variables\":\"x\"}"),
                Map.entry("variables as an array", "{\"query\":\"" + ordinary + "\",\"variables\":[1,2]}"),
                Map.entry("operationName as a number", "{\"query\":\"" + ordinary + "\",\"operationName\":5}"),
                Map.entry("query as an object", "{\"query\":{\"a\":1}}"),
                Map.entry("body a bare string", "\"" + ordinary + "\""),
                Map.entry("unterminated document", body("{ purposes { code ")),
                Map.entry("depth bomb", body(depth)),
                Map.entry("1000-alias flood", body(aliases.toString())),
                Map.entry("fragment cycle", body(cycle)),
                Map.entry("huge query (20000 fields)", body(wide.toString())),
                Map.entry("huge variables (3 MB)", hugeVariables.toString()),
                Map.entry("batched array of 500 queries", batch.toString()),
                Map.entry("1 MB comment", body("#" + "x".repeat(1024 * 1024) + "\n{ __typename }")));
    }

    private static String body(String query) {
        return Http.JSON.createObjectNode().put("query", query).toString();
    }

    private static Http.Answer post(String token, String body) {
        return Http.send("POST", gateway() + "/graphql", token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostileDocumentsAreRefusedCheaplyWithAClearError() {
        String admin = QuickSuite.get().admin();
        List<String> failures = new ArrayList<>();
        bombs().forEach((name, body) -> {
            Http.Answer a;
            try {
                a = post(admin, body);
            } catch (IllegalStateException closed) {
                // A body over quarkus.http.limits.max-body-size is answered 413 with Connection: close before it is
                // read; a client still writing it may see the connection closed instead of the 413. Either way the
                // server refused it without reading it. Anything else is a failure.
                if (body.length() > 2 * 1024 * 1024) {
                    System.out.printf("[reliability] graphql %-30s → connection closed while sending (over the limit)%n", name);
                    return;
                }
                throw closed;
            }
            TALLY.count(a.status());
            String verdict = refusal(a);
            System.out.printf("[reliability] graphql %-30s → %d in %d ms: %s%n", name, a.status(), a.millis(), verdict);
            if (verdict.startsWith("NOT")) {
                failures.add(name + ": " + verdict + " " + a);
            } else if (a.millis() > 5000) {
                failures.add(name + ": refused, but only after " + a.millis() + " ms");
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A 4xx, or a GraphQL answer without data (no field, or only null fields) whose every error has a code. */
    private static String refusal(Http.Answer a) {
        if (a.status() >= 500) {
            return "NOT refused: server error";
        }
        if (a.status() >= 400) {
            return "HTTP " + a.status();
        }
        JsonNode json = a.json();
        JsonNode errors = json.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "NOT refused: answered without errors";
        }
        for (JsonNode field : json.path("data")) {
            if (!field.isNull()) {
                return "NOT refused: data returned";
            }
        }
        for (JsonNode e : errors) {
            if (e.path("extensions").path("code").asText().isBlank()) {
                return "NOT clear: an error without code: " + e;
            }
        }
        return "code " + errors.get(0).path("extensions").path("code").asText();
    }

    @Test
    void anOrdinaryCallerIsAnsweredInNormalTimeWhileBombsArrive() throws Exception {
        String agent = QuickSuite.get().token("agent");
        String admin = QuickSuite.get().admin();
        String ordinary = body("{ purposes { code } }");
        List<Long> baseline = times(agent, ordinary, 8);

        List<String> bombs = new ArrayList<>(bombs().values());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int offset = t;
            pool.submit(() -> {
                for (int i = offset; running.get(); i++) {
                    post(admin, bombs.get(i % bombs.size()));
                    sent.incrementAndGet();
                }
            });
        }
        try {
            Thread.sleep(500);
            List<Long> during = times(agent, ordinary, 8);
            long normal = median(baseline);
            long underAttack = median(during);
            System.out.printf("[reliability] ordinary query: median %d ms alone, %d ms with %d hostile documents arriving%n",
                    normal, underAttack, sent.get());
            assertTrue(underAttack <= 5 * normal + 1000,
                    "the ordinary query took " + during + " ms while bombs arrived, " + baseline + " ms alone");
        } finally {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private static List<Long> times(String token, String body, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http.Answer a = post(token, body);
            assertEquals(200, a.status(), a.toString());
            assertTrue(a.json().path("errors").isMissingNode(), a.toString());
            times.add(a.millis());
        }
        return times;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Every mutation of the schema, with each argument given a value of the wrong kind: a 1 MB string for ids and
     * strings, an object with an unknown field for input objects, an overflowing number for integers. Each answer is
     * an error with a code, and no service count moves.
     */
    @Test
    void everyMutationRefusesBadArgumentsWithACode() {
        QuickSuite.Running suite = QuickSuite.get();
        String admin = suite.admin();
        JsonNode schema = post(admin, body("{ __type(name: \"Mutation\") { fields { name args { name type { ...T } } type { ...T } } } }"
                + " fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }")).json();
        JsonNode mutations = schema.at("/data/__type/fields");
        assertTrue(mutations.isArray() && mutations.size() > 10, "no mutations in " + schema);
        Map<String, Integer> before = serviceCounts(suite);
        List<String> failures = new ArrayList<>();
        for (JsonNode m : mutations) {
            // "unknown-field" attacks input objects; for a mutation with scalar arguments only it would be a valid call
            List<String> variants = hasInputObject(m.path("args")) ? List.of("huge", "unknown-field", "wrong-kind")
                    : List.of("huge", "wrong-kind");
            for (String variant : variants) {
                StringBuilder decl = new StringBuilder();
                StringBuilder args = new StringBuilder();
                ObjectNode vars = Http.JSON.createObjectNode();
                for (JsonNode arg : m.path("args")) {
                    String name = arg.path("name").asText();
                    decl.append(decl.length() == 0 ? "" : ", ").append('$').append(name).append(": ").append(typeRef(arg.path("type")));
                    args.append(args.length() == 0 ? "" : ", ").append(name).append(": $").append(name);
                    vars.set(name, badValue(arg.path("type"), variant));
                }
                String selection = isObject(m.path("type")) ? " { __typename }" : "";
                String query = "mutation" + (decl.length() == 0 ? "" : "(" + decl + ")") + " { " + m.path("name").asText()
                        + (args.length() == 0 ? "" : "(" + args + ")") + selection + " }";
                ObjectNode request = Http.JSON.createObjectNode().put("query", query);
                request.set("variables", vars);
                Http.Answer a = post(admin, request.toString());
                TALLY.count(a.status());
                String verdict = refusal(a);
                if (verdict.startsWith("NOT")) {
                    failures.add(m.path("name").asText() + " (" + variant + "): " + verdict + " " + a);
                }
            }
        }
        assertEquals(before, serviceCounts(suite), "a refused mutation wrote something");
        assertTrue(failures.isEmpty(), failures.size() + " mutations broke the rules:\n" + String.join("\n", failures));
    }

    private static Map<String, Integer> serviceCounts(QuickSuite.Running suite) {
        String admin = suite.admin();
        return Map.of(
                "contacts", Corpus.count(Http.get(suite.url(Suite.CONTACTS) + "/contacts?limit=100", admin), "contacts"),
                "organisations", Corpus.count(Http.get(suite.url(Suite.CONTACTS) + "/organisations?limit=100", admin), "organisations"),
                "purposes", Corpus.count(Http.get(suite.url(Suite.CONSENT) + "/purposes", admin), "purposes"),
                "consultations", Corpus.count(Http.get(suite.url(Suite.FEEDBACK) + "/consultations?limit=100", admin), "consultations"));
    }

    private static String typeRef(JsonNode t) {
        return switch (t.path("kind").asText()) {
            case "NON_NULL" -> typeRef(t.path("ofType")) + "!";
            case "LIST" -> "[" + typeRef(t.path("ofType")) + "]";
            default -> t.path("name").asText();
        };
    }

    private static boolean hasInputObject(JsonNode args) {
        for (JsonNode arg : args) {
            JsonNode n = arg.path("type");
            while (n.has("ofType") && !n.path("ofType").isNull() && !n.path("ofType").isMissingNode()) {
                n = n.path("ofType");
            }
            if ("INPUT_OBJECT".equals(n.path("kind").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isObject(JsonNode t) {
        JsonNode n = t;
        while (n.has("ofType") && !n.path("ofType").isNull() && !n.path("ofType").isMissingNode()) {
            n = n.path("ofType");
        }
        return List.of("OBJECT", "INTERFACE", "UNION").contains(n.path("kind").asText());
    }

    private static JsonNode badValue(JsonNode t, String variant) {
        String kind = t.path("kind").asText();
        if ("NON_NULL".equals(kind)) {
            return badValue(t.path("ofType"), variant);
        }
        if ("LIST".equals(kind)) {
            return Http.JSON.createArrayNode().add(badValue(t.path("ofType"), variant));
        }
        String name = t.path("name").asText();
        return switch (variant) {
            case "huge" -> "INPUT_OBJECT".equals(kind) ? Http.JSON.createObjectNode().put("zz", "x".repeat(200_000))
                    : Http.JSON.getNodeFactory().textNode("x".repeat(200_000));
            case "unknown-field" -> "INPUT_OBJECT".equals(kind) ? Http.JSON.createObjectNode().put("zzNoSuchField", 1)
                    : Http.JSON.getNodeFactory().textNode("00000000-0000-0000-0000-00000000000" + ("Int".equals(name) ? "" : "0"));
            default -> "Int".equals(name) || "Float".equals(name) ? Http.JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999"))
                    : "INPUT_OBJECT".equals(kind) ? Http.JSON.getNodeFactory().textNode("not an object")
                    : Http.JSON.createObjectNode().put("not", "a scalar");
        };
    }

    @AfterAll
    static void printCounts() {
        System.out.print(Tally.report());
    }
}

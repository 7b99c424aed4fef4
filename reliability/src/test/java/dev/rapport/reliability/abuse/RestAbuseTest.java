package dev.rapport.reliability.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sends the abuse corpus to each service with a valid admin token: the generic attacks of {@code rest-generic.json}
 * against every operation the service's OpenAPI document lists, then the service's own cases
 * ({@code <service>.json}). Every answer must be a 4xx problem document (naming a field when it is a 400 or 422),
 * never a 5xx, and the record counts the service file names must be the same before and after.
 */
@ExtendWith(QuickSuite.class)
class RestAbuseTest {

    @ParameterizedTest
    @ValueSource(strings = {"consent-service", "contacts-service", "feedback-service"})
    void everyOperationRefusesBadInputWithoutWritingAnything(String service) {
        QuickSuite.Running suite = QuickSuite.get();
        String base = suite.url(service);
        Tally tally = new Tally(service);
        JsonNode file = Corpus.load(service + ".json");
        Map<String, String> captured = CorpusRunner.setup(base, suite, file);
        Map<String, Integer> before = CorpusRunner.counts(base, suite, file, captured);

        for (JsonNode c : file.path("cases")) {
            CorpusRunner.runCase(base, suite, tally, c, captured);
        }
        sweepOpenApi(base, suite, tally, Corpus.load("rest-generic.json"), captured);

        Map<String, Integer> after = CorpusRunner.counts(base, suite, file, captured);
        assertEquals(before, after, service + ": records were written by refused requests");
        assertTrue(tally.failures().isEmpty(), service + ": " + tally.failures().size() + " answers broke the rules:\n"
                + String.join("\n", tally.failures().subList(0, Math.min(40, tally.failures().size()))));
    }

    @AfterAll
    static void printCounts() {
        System.out.print(Tally.report());
    }

    private static void sweepOpenApi(String base, QuickSuite.Running suite, Tally tally, JsonNode generic,
            Map<String, String> captured) {
        JsonNode api = Http.get(base + "/q/openapi?format=json", null).json();
        List<String> skip = new ArrayList<>();
        generic.path("skip").forEach(s -> skip.add(s.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                String template = path.getKey();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || skip.contains(method + " " + template)) {
                    continue;
                }
                String withIds = template.replaceAll("\\{[^}]+}", "\\${uuid}");
                if (op.getValue().has("requestBody")) {
                    for (JsonNode attack : generic.path("bodyAttacks")) {
                        CorpusRunner.runCase(base, suite, tally, attack(attack, method, withIds), captured);
                    }
                }
                if (template.contains("{")) {
                    for (JsonNode attack : generic.path("pathAttacks")) {
                        String bad = template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(attack.path("value").asText()));
                        var c = Http.JSON.createObjectNode().put("name", attack.path("name").asText()).put("method", method)
                                .put("path", bad).put("readOnly", true);
                        CorpusRunner.runCase(base, suite, tally, c, captured);
                    }
                }
                if ("GET".equals(method)) {
                    for (JsonNode p : op.getValue().path("parameters")) {
                        if (!"query".equals(p.path("in").asText())) {
                            continue;
                        }
                        for (JsonNode attack : generic.path("queryAttacks")) {
                            String value = Corpus.expand(attack.path("value").asText(), captured);
                            String q = p.path("name").asText() + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
                            var c = Http.JSON.createObjectNode().put("name", attack.path("name").asText() + " in " + p.path("name").asText())
                                    .put("method", method).put("path", withIds + "?" + q).put("readOnly", true);
                            CorpusRunner.runCase(base, suite, tally, c, captured);
                        }
                    }
                }
            }
        }
    }

    private static JsonNode attack(JsonNode attack, String method, String path) {
        var c = attack.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("method", method).put("path", path);
        return c;
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}

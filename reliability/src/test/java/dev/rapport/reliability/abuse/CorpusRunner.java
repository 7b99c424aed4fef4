package dev.rapport.reliability.abuse;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.QuickSuite;

/** Runs the steps and cases of a corpus file against one service (format in docs/reliability.md). */
final class CorpusRunner {
    private CorpusRunner() {
    }

    /** Runs {@code setup} (each step must succeed) and returns the captured values by name. */
    static Map<String, String> setup(String base, QuickSuite.Running suite, JsonNode file) {
        Map<String, String> captured = new LinkedHashMap<>();
        for (JsonNode step : file.path("setup")) {
            if (step.has("value")) {
                captured.put(step.path("name").asText(), Corpus.expand(step.get("value").asText(), captured));
                continue;
            }
            Http.Answer a = send(base, suite, step, captured);
            if (a.status() >= 300) {
                throw new IllegalStateException("Setup step " + step.path("name").asText() + " failed: " + a);
            }
            if (step.hasNonNull("capture")) {
                JsonNode v = a.json().at(step.get("capture").asText());
                captured.put(step.path("name").asText(), v.asText());
            }
        }
        return captured;
    }

    /** The record counts a file names ({@code counts}: name → listing path). */
    static Map<String, Integer> counts(String base, QuickSuite.Running suite, JsonNode file, Map<String, String> captured) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = file.path("counts").fields(); it.hasNext(); ) {
            var e = it.next();
            String path = Corpus.expand(e.getValue().asText(), captured);
            counts.put(e.getKey(), Corpus.count(Http.get(base + path, suite.admin()), e.getKey()));
        }
        return counts;
    }

    /** Sends one case and records what broke the rules. */
    static void runCase(String base, QuickSuite.Running suite, Tally tally, JsonNode c, Map<String, String> captured) {
        String method = c.path("method").asText("POST");
        String label = c.path("name").asText() + ": " + method + " " + abbreviate(c.path("path").asText());
        Http.Answer a = send(base, suite, c, captured);
        tally.count(a.status());
        boolean lenient = c.path("readOnly").asBoolean(false) && "GET".equals(method);
        if (a.status() >= 500) {
            tally.fail(label + " → " + a);
            return;
        }
        if (a.status() < 400) {
            if (!lenient) {
                tally.fail(label + " was accepted → " + a);
            }
            return;
        }
        if (c.has("expect")) {
            boolean expected = false;
            for (JsonNode s : c.get("expect")) {
                expected |= s.asInt() == a.status();
            }
            if (!expected) {
                tally.fail(label + " expected " + c.get("expect") + " → " + a);
                return;
            }
        }
        if (!a.isProblem()) {
            tally.fail(label + " is not a problem document → " + a);
            return;
        }
        if ((a.status() == 400 || a.status() == 422) && !namesAField(a.json())) {
            tally.fail(label + " names no field → " + a);
        }
    }

    private static boolean namesAField(JsonNode problem) {
        for (JsonNode e : problem.path("errors")) {
            if (!e.path("field").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Sends a step or case as admin; a 429 is waited out (Retry-After) and sent again. */
    static Http.Answer send(String base, QuickSuite.Running suite, JsonNode c, Map<String, String> captured) {
        String method = c.path("method").asText("POST");
        String path = Corpus.expand(c.path("path").asText(), captured);
        byte[] body = Corpus.body(c, captured);
        String type = c.hasNonNull("contentType") ? c.get("contentType").asText() : body == null ? null : "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        c.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), Corpus.expand(h.getValue().asText(), captured)));
        for (int attempt = 0; ; attempt++) {
            Http.Answer a = Http.send(method, base + path, suite.admin(), type, body, headers);
            if (a.status() != 429 || attempt == 3) {
                return a;
            }
            sleep(Long.parseLong(a.retryAfter() == null ? "1" : a.retryAfter()));
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}

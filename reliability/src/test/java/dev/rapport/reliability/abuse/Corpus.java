package dev.rapport.reliability.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.reliability.Http;

/**
 * Reads the abuse corpus ({@code src/test/resources/abuse/*.json}, format in docs/reliability.md) and expands its
 * placeholders: {@code ${huge:N}} (N characters), {@code ${deep:N}} (N nested arrays), {@code ${uuid}} (a fresh id)
 * and {@code ${name}} (a value captured by a setup step).
 */
final class Corpus {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)(?::(\\d+))?}");

    private Corpus() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/abuse/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No corpus file abuse/" + name);
            }
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Corpus file abuse/" + name + " is not valid JSON", e);
        }
    }

    static String expand(String text, Map<String, String> captured) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            int n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String value = switch (key) {
                case "huge" -> "x".repeat(n);
                case "deep" -> "[".repeat(n) + "]".repeat(n);
                case "uuid" -> UUID.randomUUID().toString();
                default -> {
                    String v = captured.get(key);
                    if (v == null) {
                        throw new IllegalStateException("Corpus placeholder ${" + key + "} has no value");
                    }
                    yield v;
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The request body of a case: {@code bodyHex} (raw bytes), {@code body} (text) or {@code json} (any JSON value). */
    static byte[] body(JsonNode c, Map<String, String> captured) {
        if (c.hasNonNull("bodyHex")) {
            return HexFormat.of().parseHex(c.get("bodyHex").asText().replace(" ", ""));
        }
        if (c.hasNonNull("body")) {
            return expand(c.get("body").asText(), captured).getBytes(StandardCharsets.UTF_8);
        }
        if (c.has("json")) {
            return expand(c.get("json").toString(), captured).getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** How many records a listing answer holds: a JSON array, or the {@code items} of a page. */
    static int count(Http.Answer a, String what) {
        JsonNode n = a.json();
        if (a.status() != 200) {
            throw new IllegalStateException("Counting " + what + " failed: " + a);
        }
        if (n.isArray()) {
            return n.size();
        }
        if (n.has("items") && n.get("items").isArray()) {
            return n.get("items").size();
        }
        throw new IllegalStateException("Counting " + what + ": neither an array nor a page: " + a);
    }
}

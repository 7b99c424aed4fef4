package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to the services' public REST APIs, as one role: a bearer token from {@link TokenSource}, retries of
 * what a busy machine throws at a client (503, 429, a refused or reset connection), and the answers a re-run expects
 * ({@code expected}: 409 for "already there", for instance) returned instead of thrown.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TokenSource tokens;

    Http(TokenSource tokens) {
        this.tokens = tokens;
    }

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    JsonNode get(String role, String url) {
        return send(role, "GET", url, null, null, null, Set.of()).body();
    }

    JsonNode post(String role, String url, Object body) {
        return send(role, "POST", url, body, null, null, Set.of()).body();
    }

    Answer post(String role, String url, Object body, String idempotencyKey, Set<Integer> expected) {
        return send(role, "POST", url, body, idempotencyKey, null, expected);
    }

    Answer put(String role, String url, Object body, Set<Integer> expected) {
        return send(role, "PUT", url, body, null, null, expected);
    }

    /** A body that is not JSON (a CSV file, NDJSON lines), sent as is. */
    Answer postRaw(String role, String url, String contentType, String body, String idempotencyKey) {
        return send(role, "POST", url, body, idempotencyKey, contentType, Set.of());
    }

    static String query(Map<String, ?> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Answer send(String role, String method, String url, Object body, String key, String contentType,
            Set<Integer> expected) {
        IOException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                HttpResponse<String> r = client.send(request(role, method, url, body, key, contentType),
                        HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if ((status == 503 || status == 429 || status == 502) && attempt < 5) {
                    pause(attempt);
                    continue;
                }
                JsonNode json = r.body().isBlank() ? null : parse(r.body());
                if ((status >= 200 && status < 300) || expected.contains(status)) {
                    return new Answer(status, json);
                }
                throw new DemoFailure(method + " " + url + " answered " + status + ": " + r.body());
            } catch (IOException e) {
                last = e;
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(method + " " + url + " interrupted");
            }
        }
        throw new UncheckedIOException(method + " " + url + " failed", last);
    }

    private HttpRequest request(String role, String method, String url, Object body, String key, String contentType)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + tokens.token(role))
                .header("Accept", contentType == null ? "application/json" : "*/*"); // NDJSON answers NDJSON
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return b.header("Content-Type", contentType == null ? "application/json" : contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            // NDJSON answers: one document per line, read by the caller
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call the loader cannot go on without. */
    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}

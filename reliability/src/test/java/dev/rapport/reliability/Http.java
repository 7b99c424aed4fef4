package dev.rapport.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP for the abuse tests: any method, any bytes, any content type, and the raw answer. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    public record Answer(int status, String contentType, String retryAfter, byte[] body, long millis) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + contentType + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    public static Answer send(String method, String url, String token, String contentType, byte[] body) {
        return send(method, url, token, contentType, body, java.util.Map.of());
    }

    public static Answer send(String method, String url, String token, String contentType, byte[] body,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.header("Accept", "application/json, application/problem+json, application/x-ndjson, text/csv, */*;q=0.1");
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.body(), (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    public static Answer postJson(String url, String token, Object body) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return send("POST", url, token, "application/json", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL request to the gateway. */
    public static Answer graphql(String gatewayUrl, String token, String query, Object variables) {
        var body = JSON.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", JSON.valueToTree(variables));
        }
        return postJson(gatewayUrl + "/graphql", token, body.toString());
    }
}

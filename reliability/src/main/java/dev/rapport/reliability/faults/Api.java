package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the services' JSON APIs, with a connect timeout and a per-request timeout. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What a service answered; {@code body} is {@link MissingNode} when it was not JSON. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth sending again: the service failed or is (re)starting, not the request. */
        boolean transientFailure() {
            return status >= 500 || status == 408 || status == 429;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    Api(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        return send("GET", url, token, null, Map.of());
    }

    Answer post(String url, String token, Object body) throws IOException, InterruptedException {
        return send("POST", url, token, body, Map.of());
    }

    Answer post(String url, String token, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        return send("POST", url, token, body, headers);
    }

    Answer put(String url, String token, Object body) throws IOException, InterruptedException {
        return send("PUT", url, token, body, Map.of());
    }

    Answer delete(String url, String token) throws IOException, InterruptedException {
        return send("DELETE", url, token, null, Map.of());
    }

    /** Sends a request; a connection failure or a timeout is an {@link IOException}. */
    Answer send(String method, String url, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body instanceof byte[] bytes) {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = MissingNode.getInstance();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.body().length > 0 && type.contains("json")) {
            json = JSON.readTree(r.body());
        }
        return new Answer(r.statusCode(), json);
    }

    /** The answer's body, or an exception naming what was expected when it is not a success. */
    static JsonNode expect(Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException(what + " answered " + a.status() + ": " + a.body());
        }
        return a.body();
    }
}

package dev.rapport.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.platform.webhooks.StandardWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A partner's webhook endpoint for tests: a plain JDK HTTP server on a free loopback port that verifies each request's
 * Standard Webhooks signature with the subscription's secret, as a partner would, and records it. {@link #behaviour}
 * decides each answer: a status code, or a delay first (a slow receiver).
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String body, boolean verified, Instant at) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        public String contactId() {
            return json().path("data").path("contactId").asText();
        }
    }

    /** What to answer: the status code, after an optional delay. */
    public record Answer(int status, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    public volatile Function<Received, Answer> behaviour = r -> Answer.status(204);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    /** The subscription's secret, once registration answered it. */
    public void secret(String secret) {
        this.secret = secret;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks";
    }

    /** Every request so far (retries and replays included), in arrival order. */
    public List<Received> all() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(StandardWebhooks.ID);
            String timestamp = exchange.getRequestHeaders().getFirst(StandardWebhooks.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(StandardWebhooks.SIGNATURE);
            boolean verified = secret != null && StandardWebhooks.verify(secret, id, timestamp, signature, body, Instant.now(),
                    Duration.ofMinutes(5));
            Received r = new Received(id, timestamp, signature, body, verified, Instant.now());
            Answer answer = verified ? behaviour.apply(r) : Answer.status(401);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(r);
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

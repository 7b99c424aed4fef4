package dev.rapport.contacts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for consent-service's contact-point-facts endpoint on a random loopback port. Tests switch its
 * behaviour: accept, refuse (503), or read the batch and then drop the connection without answering (a crash
 * after delivery, before the sender could mark it delivered).
 */
@QuarkusTestResource(value = ConsentStub.class, restrictToAnnotatedClass = false)
public class ConsentStub implements QuarkusTestResourceLifecycleManager {
    public enum Mode {
        ACCEPT, REFUSE, DROP_AFTER_READ
    }

    public static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    public static volatile Mode mode = Mode.ACCEPT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/contact-point-facts/events", exchange -> {
            Mode now = mode;
            if (now == Mode.REFUSE) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            JsonNode batch = JSON.readTree(exchange.getRequestBody());
            batch.forEach(RECEIVED::add);
            if (now == Mode.DROP_AFTER_READ) {
                exchange.getHttpContext().getServer();
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return Map.of(
                "rapport.outbox.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "rapport.outbox.poll-interval", "0.2s",
                "rapport.outbox.initial-backoff", "0.1s",
                "rapport.outbox.max-backoff", "0.4s",
                "rapport.outbox.request-timeout", "2s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

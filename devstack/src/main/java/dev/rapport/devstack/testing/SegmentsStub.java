package dev.rapport.devstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for contacts-service's GET /segments/{id}/member-ids (docs/contacts.md, "Segments") on a random port, for
 * the services that take a segment as an audience: tests define segments (members and version); pages are keyset by id
 * as contacts-service pages them, at most {@link #PAGE} ids whatever the limit asked (so tests see several pages), and a
 * page asked with a version the segment no longer has answers 409. Every call is kept with its Authorization header.
 * A service's test registers it with {@code @QuarkusTestResource(value = SegmentsStub.class, restrictToAnnotatedClass =
 * false)}; it sets {@code rapport.contacts.url}.
 */
public class SegmentsStub implements QuarkusTestResourceLifecycleManager {
    public static final int PAGE = 2;

    public record Segment(int version, List<UUID> members) {
    }

    public record Call(UUID segmentId, String after, String version, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<UUID, Segment> SEGMENTS = new ConcurrentHashMap<>();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static void segment(UUID id, int version, List<UUID> members) {
        SEGMENTS.put(id, new Segment(version, members.stream().sorted().toList()));
    }

    public static List<Call> callsFor(UUID segmentId) {
        return CALLS.stream().filter(c -> c.segmentId().equals(segmentId)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/segments/", this::memberIds);
        server.start();
        return Map.of("rapport.contacts.url", "http://localhost:" + server.getAddress().getPort());
    }

    private void memberIds(HttpExchange ex) throws IOException {
        try (ex) {
            String[] path = ex.getRequestURI().getPath().split("/");
            UUID id = UUID.fromString(path[2]);
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            CALLS.add(new Call(id, query.get("after"), query.get("version"), ex.getRequestHeaders().getFirst("Authorization")));
            Segment s = SEGMENTS.get(id);
            if (s == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (query.containsKey("version") && Integer.parseInt(query.get("version")) != s.version()) {
                ex.sendResponseHeaders(409, -1);
                return;
            }
            int limit = Math.min(PAGE, Integer.parseInt(query.getOrDefault("limit", "1000")));
            List<UUID> rest = s.members().stream()
                    .filter(m -> query.get("after") == null || m.compareTo(UUID.fromString(query.get("after"))) > 0).toList();
            List<UUID> page = rest.subList(0, Math.min(limit, rest.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("segmentId", id);
            body.put("version", s.version());
            body.put("ids", page);
            body.put("next", rest.size() > limit ? page.get(page.size() - 1) : null);
            byte[] bytes = JSON.writeValueAsBytes(body);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

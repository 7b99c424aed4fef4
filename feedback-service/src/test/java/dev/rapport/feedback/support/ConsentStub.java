package dev.rapport.feedback.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for consent-service's outreach API (docs/contracts.md) on a random port. Everyone is allowed unless a
 * test says otherwise for a contact id it created: {@link #deny} or {@link #unreachableFor}. Every request is kept,
 * so tests can check who was (and was not) messaged.
 */
@QuarkusTestResource(value = ConsentStub.class, restrictToAnnotatedClass = false)
public class ConsentStub implements QuarkusTestResourceLifecycleManager {
    public record Request(String idempotencyKey, UUID contactId, String purpose, String channel, String campaign,
            String payloadRef) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<UUID, List<String>> DENIALS = new ConcurrentHashMap<>();
    private static final Map<UUID, Boolean> UNREACHABLE = new ConcurrentHashMap<>();
    private static final Map<UUID, Instant> DEFERRED = new ConcurrentHashMap<>();
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<UUID, Integer> DECISIONS = new ConcurrentHashMap<>();
    private HttpServer server;

    public static void deny(UUID contactId, String... reasons) {
        DENIALS.put(contactId, List.of(reasons));
    }

    /** Requests about this contact are accepted but deferred by quiet hours until the given instant. */
    public static void deferUntil(UUID contactId, Instant notBefore) {
        DEFERRED.put(contactId, notBefore);
    }

    /** Requests about this contact fail with 503, as if consent-service were down. */
    public static void unreachableFor(UUID contactId) {
        UNREACHABLE.put(contactId, true);
    }

    public static void reachableAgainFor(UUID contactId) {
        UNREACHABLE.remove(contactId);
    }

    /** consent-service has no record of this contact (yet): requests and decisions answer unknown-contact. */
    public static void unknown(UUID contactId) {
        DENIALS.put(contactId, List.of("unknown-contact"));
    }

    /** The contact's facts arrived: everyone is allowed again. */
    public static void known(UUID contactId) {
        DENIALS.remove(contactId);
    }

    public static int decisionsAskedFor(UUID contactId) {
        return DECISIONS.getOrDefault(contactId, 0);
    }

    public static List<Request> requestsFor(UUID contactId) {
        return REQUESTS.stream().filter(r -> contactId.equals(r.contactId())).toList();
    }

    public static List<Request> requestsWithPayload(String payloadPrefix) {
        return REQUESTS.stream().filter(r -> r.payloadRef() != null && r.payloadRef().startsWith(payloadPrefix)).toList();
    }

    public static List<Request> requestsInCampaign(String campaign) {
        return REQUESTS.stream().filter(r -> campaign.equals(r.campaign())).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/outreach/requests", this::outreach);
        server.createContext("/decisions", this::decision);
        server.start();
        return Map.of("rapport.consent.url", "http://localhost:" + server.getAddress().getPort());
    }

    private void outreach(HttpExchange ex) throws IOException {
        try (ex) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(ex.getRequestBody(), Map.class);
            UUID contactId = UUID.fromString((String) body.get("contactId"));
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (UNREACHABLE.containsKey(contactId)) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            String answer = ANSWERS.get(key == null ? UUID.randomUUID().toString() : key);
            if (answer == null) {
                REQUESTS.add(new Request(key, contactId, (String) body.get("purpose"), (String) body.get("channel"),
                        (String) body.get("campaign"), (String) body.get("payloadRef")));
                answer = answer(contactId, (String) body.get("channel"));
                if (key != null) {
                    ANSWERS.put(key, answer);
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(201, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** POST /decisions: what a request would be answered, stored nowhere. */
    private void decision(HttpExchange ex) throws IOException {
        try (ex) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(ex.getRequestBody(), Map.class);
            UUID contactId = UUID.fromString((String) body.get("contactId"));
            DECISIONS.merge(contactId, 1, Integer::sum);
            if (UNREACHABLE.containsKey(contactId)) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsString(JSON.readValue(answer(contactId, (String) body.get("channel")), Map.class)
                    .get("decision")).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String answer(UUID contactId, String channel) throws IOException {
        Instant deferredUntil = DEFERRED.get(contactId);
        List<String> reasons = deferredUntil != null ? List.of("quiet-hours") : DENIALS.get(contactId);
        boolean allowed = reasons == null;
        Map<String, Object> decision = new java.util.LinkedHashMap<>();
        decision.put("allowed", allowed);
        decision.put("reasons", allowed ? List.of() : reasons.stream().map(r -> Map.of("code", r, "detail", "stub")).toList());
        decision.put("contactPointId", allowed || deferredUntil != null ? UUID.randomUUID().toString() : null);
        decision.put("notBefore", deferredUntil == null ? null : deferredUntil.toString());
        decision.put("channel", channel == null ? "EMAIL" : channel);
        decision.put("evidenceEventId", allowed ? UUID.randomUUID().toString() : null);
        decision.put("evaluatedAt", Instant.now().toString());
        decision.put("somethingNew", "ignored by callers");
        return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "status", allowed || deferredUntil != null ? "QUEUED" : "DENIED",
                "decision", decision));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

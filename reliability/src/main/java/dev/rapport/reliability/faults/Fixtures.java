package dev.rapport.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data scenarios start from, created through the services' APIs. */
final class Fixtures {
    static final String PURPOSE = "faults-newsletter";

    private Fixtures() {
    }

    /** A request that is safe to repeat */
    interface Call {
        Api.Answer send() throws IOException, InterruptedException;
    }

    /**
     * Sends a set-up request until it gets an answer that is not a 5xx (services just started on a busy machine may
     * be slow to answer their first requests); only for requests that are safe to repeat.
     */
    static Api.Answer patiently(Call call) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                Api.Answer a = call.send();
                if (!a.transientFailure() || System.nanoTime() > deadline) {
                    return a;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    /** A consent purpose the scenarios grant and withdraw (already there is fine). */
    static void purpose(Rig rig) throws IOException, InterruptedException {
        Api.Answer a = patiently(() -> rig.api.post(rig.url(Suite.CONSENT) + "/purposes", rig.admin,
                Map.of("code", PURPOSE, "description", "Fault scenario newsletter", "lawfulBasis", "CONSENT")));
        if (!a.ok() && a.status() != 409) {
            Api.expect(a, "POST /purposes");
        }
    }

    /** {@code n} contacts, each with one e-mail address the person gave; returns their ids. */
    static List<UUID> contacts(Rig rig, String run, int n) throws IOException, InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = Map.of("channel", "EMAIL", "address", run + "-" + i + "@example.com",
                    "context", "PERSONAL", "provenance", Map.of("kind", "PROVIDED_BY_CONTACT", "source", "faults"));
            Map<String, Object> contact = Map.of("givenName", "Fault", "familyName", run + "-" + i, "owner", "faults",
                    "contactPoints", List.of(point));
            String key = run + "-contact-" + i;
            JsonNode c = Api.expect(patiently(() -> rig.api.post(rig.url(Suite.CONTACTS) + "/contacts", rig.admin, contact,
                    Map.of("Idempotency-Key", key))), "POST /contacts");
            ids.add(UUID.fromString(c.path("id").asText()));
        }
        return ids;
    }

    /** Every item of a cursor-paged list ({@code {items, next}}). */
    static List<JsonNode> all(Rig rig, String url, String token) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = url + (url.contains("?") ? "&" : "?") + (cursor == null ? "" : "cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode p = Api.expect(patiently(() -> rig.api.get(page, token)), "GET " + url);
            p.path("items").forEach(items::add);
            cursor = p.path("next").isTextual() ? p.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }
}

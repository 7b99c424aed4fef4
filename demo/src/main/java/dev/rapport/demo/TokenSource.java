package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens per role. The loader acts as the staff member whose job a step is (a marketer runs the consultation,
 * an agent works cases), so what it leaves behind reads as the team's own work.
 */
interface TokenSource {
    String token(String role) throws IOException;

    /** Fixed tokens, one per role (development-key tokens of {@code ./rapport --dev-tokens}, or tests). */
    static TokenSource fixed(Map<String, String> byRole) {
        return role -> {
            String t = byRole.get(role);
            if (t == null) {
                throw new IllegalStateException("No token for role " + role);
            }
            return t;
        };
    }

    /**
     * The local Keycloak realm's demo users (password = user name) through the password grant of {@code admin-cli},
     * as {@code ./rapport kc-token} does; each token is reused until a minute before it expires.
     */
    static TokenSource keycloak(String realmUrl) {
        return new TokenSource() {
            private final HttpClient client = HttpClient.newHttpClient();
            private final Map<String, Timed> cache = new ConcurrentHashMap<>();

            record Timed(String token, long expiresAtNanos) {
            }

            @Override
            public String token(String role) throws IOException {
                Timed t = cache.get(role);
                if (t == null || System.nanoTime() > t.expiresAtNanos()) {
                    t = fetch(role);
                    cache.put(role, t);
                }
                return t.token();
            }

            private Timed fetch(String user) throws IOException {
                String form = "grant_type=password&client_id=admin-cli&username=" + enc(user) + "&password=" + enc(user);
                HttpRequest r = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                try {
                    HttpResponse<String> answer = client.send(r, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IOException("Keycloak refused a token for " + user + ": " + answer.statusCode());
                    }
                    JsonNode json = Http.JSON.readTree(answer.body());
                    long life = Math.max(30, json.path("expires_in").asLong(300) - 60);
                    return new Timed(json.path("access_token").asText(), System.nanoTime() + life * 1_000_000_000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }

            private static String enc(String s) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        };
    }
}

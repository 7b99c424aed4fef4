package dev.rapport.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.devstack.testing.suite.Suite;

/** The few Keycloak admin calls the tests need: clients and users created in the running realm. */
public final class KeycloakAdmin {
    private final Suite suite;
    private final String keycloakUrl;

    public KeycloakAdmin(Suite suite) {
        this.suite = suite;
        this.keycloakUrl = suite.keycloakUrl();
    }

    private String adminToken() {
        return suite.keycloakAdminToken();
    }

    /** Creates (or leaves) a client in the rapport realm from its JSON representation. */
    public void createClient(String json) {
        Http.Answer a = Http.send("POST", keycloakUrl + "/admin/realms/rapport/clients", adminToken(), "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        if (a.status() != 201 && a.status() != 409) {
            throw new IllegalStateException("Keycloak refused the client: " + a);
        }
    }

    /** Creates a user with a password (= user name), one realm role and optional attributes. */
    public void createUser(String username, String role, Map<String, String> attributes) {
        String token = adminToken();
        var user = Http.JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true).put("firstName", username).put("lastName", "Test");
        var attrs = user.putObject("attributes");
        attributes.forEach((k, v) -> attrs.putArray(k).add(v));
        user.putArray("credentials").addObject().put("type", "password").put("value", username).put("temporary", false);
        Http.Answer created = Http.send("POST", keycloakUrl + "/admin/realms/rapport/users", token, "application/json",
                user.toString().getBytes(StandardCharsets.UTF_8));
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("Keycloak refused the user: " + created);
        }
        String id = Http.get(keycloakUrl + "/admin/realms/rapport/users?exact=true&username=" + username, token).json().get(0).path("id").asText();
        JsonNode roleRep = Http.get(keycloakUrl + "/admin/realms/rapport/roles/" + role, token).json();
        Http.send("POST", keycloakUrl + "/admin/realms/rapport/users/" + id + "/role-mappings/realm", token, "application/json",
                ("[" + roleRep + "]").getBytes(StandardCharsets.UTF_8));
    }

    /** A password-grant token through any client of the realm, at any base URL of Keycloak. */
    public static JsonNode passwordToken(String keycloakBase, String clientId, String user) {
        return form(keycloakBase + "/realms/rapport/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", user));
    }

    private static JsonNode form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Answer a = Http.send("POST", url, null, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        if (a.status() != 200) {
            throw new IllegalStateException("No token from " + url + ": " + a);
        }
        return a.json();
    }
}

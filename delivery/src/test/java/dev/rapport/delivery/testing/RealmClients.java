package dev.rapport.delivery.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.devstack.testing.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Changes to a client of the running realm, through Keycloak's admin REST API. */
final class RealmClients {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmClients() {
    }

    /** Access tokens issued to {@code clientId} live {@code seconds} from now on. */
    static void tokenLifespan(Suite suite, String clientId, int seconds) {
        String admin = suite.keycloakAdminToken();
        String clients = suite.keycloakUrl() + "/admin/realms/rapport/clients";
        HttpClient http = HttpClient.newHttpClient();
        try {
            var found = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
            ObjectNode client = (ObjectNode) found.get(0);
            client.with("attributes").put("access.token.lifespan", String.valueOf(seconds));
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 204) {
                throw new IllegalStateException("Keycloak refused the client update: " + put.statusCode() + " " + put.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

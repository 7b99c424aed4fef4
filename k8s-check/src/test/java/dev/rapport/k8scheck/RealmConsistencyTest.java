package dev.rapport.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.k8scheck.render.Tree;

class RealmConsistencyTest {

    private static Map<String, Object> clusterRealm() {
        return Tree.map(Tree.at(Repo.prodFixture().get("KeycloakRealmImport", "rapport"), "spec", "realm"));
    }

    @Test
    void realmImportHasTheSuitesRolesAndClients() {
        Map<String, Object> realm = clusterRealm();
        assertEquals("rapport", realm.get("realm"));
        List<String> roles = Tree.list(Tree.at(realm, "roles", "realm")).stream().map(r -> Tree.string(r, "name")).toList();
        assertEquals(List.of("admin", "agent", "marketer", "analyst", "integration", "contact"), roles);
        List<String> clients = Tree.list(realm.get("clients")).stream().map(c -> Tree.string(c, "clientId")).toList();
        assertEquals(List.of("contacts-service", "consent-service", "feedback-service", "gateway", "rapport-spa", "rapport-delivery",
                "partner"),
                clients);
        Map<String, Object> spa = Tree.map(Tree.list(realm.get("clients")).get(4));
        assertEquals(true, spa.get("publicClient"));
        assertEquals("S256", Tree.string(spa, "attributes", "pkce.code.challenge.method"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void sameRealmAsLocalRuns() throws IOException {
        Path local = Repo.root().resolve("keycloak/realm-rapport.json");
        if (!Files.isRegularFile(local)) {
            System.out.println("keycloak/realm-rapport.json does not exist yet: realm consistency not compared");
            return;
        }
        Map<String, Object> localRealm = new ObjectMapper().readValue(local.toFile(), Map.class);
        assertEquals(List.of(), RealmConsistency.differences(clusterRealm(), localRealm));
    }

    @Test
    void differencesAreReported() {
        Map<String, Object> local = Tree.deepCopy(clusterRealm());
        Tree.list(Tree.at(local, "roles", "realm")).remove(5);
        Tree.map(Tree.list(local.get("clients")).get(6)).put("publicClient", true);
        Tree.list(local.get("clients")).add(Map.of("clientId", "admin-cli"));
        List<String> differences = RealmConsistency.differences(clusterRealm(), local);
        assertEquals(2, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains("realm roles"), differences.toString());
        assertTrue(differences.get(1).contains("client partner publicClient"), differences.toString());
    }

    @Test
    void sameKeycloakVersionAsLocalRuns() throws IOException {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>")
                .matcher(Files.readString(Repo.root().resolve("pom.xml")));
        if (!version.find()) {
            System.out.println("the parent pom sets no keycloak.version: Keycloak image version not compared");
            return;
        }
        String image = Tree.string(Repo.prodFixture().get("Keycloak", "keycloak"), "spec", "image");
        assertEquals(version.group(1), dev.rapport.k8scheck.render.ImageRef.parse(image).tag(),
                "k8s/base/keycloak/keycloak.yaml runs " + image + "; local runs use keycloak.version " + version.group(1));
    }
}

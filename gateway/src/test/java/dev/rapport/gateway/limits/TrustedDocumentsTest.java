package dev.rapport.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** With trusted documents only, the manifest's documents run (by hash or as text) and nothing else is even parsed. */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class TrustedDocumentsTest {
    static final String TRUSTED = "query Kind { kind: __typename }";
    static final String ADMIN = Tokens.forRoles("trusted-admin", "admin");

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path manifest = Files.createTempFile("persisted-query-manifest", ".json");
                manifest.toFile().deleteOnExit();
                Files.writeString(manifest, new JsonObject().put("format", "apollo-persisted-query-manifest").put("version", 1)
                        .put("operations", new JsonArray().add(new JsonObject().put("id", PersistedDocuments.sha256(TRUSTED))
                                .put("name", "Kind").put("type", "query").put("body", TRUSTED))).encode());
                return Map.of("rapport.graphql.persisted-queries.trusted-only", "true",
                        "rapport.graphql.persisted-queries.manifest", manifest.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aTrustedDocumentRunsByHashOrAsText() {
        JsonPath byHash = given().contentType("application/json").header("Authorization", "Bearer " + ADMIN)
                .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1,
                        "sha256Hash", PersistedDocuments.sha256(TRUSTED)))))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertEquals("Query", byHash.getString("data.kind"), byHash::prettify);
        assertEquals("Query", GraphQL.query(ADMIN, TRUSTED).getString("data.kind"));
    }

    @Test
    void anyOtherDocumentIsRefused() {
        JsonPath answer = GraphQL.query(ADMIN, "{ __typename }");
        assertEquals("untrusted-document", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    @Test
    void aManifestWhoseIdsAreNotTheBodiesHashesIsRefused() {
        assertThrows(IllegalStateException.class, () -> PersistedDocuments.readManifest(
                "{\"operations\": [{\"id\": \"00\", \"name\": \"X\", \"body\": \"{ __typename }\"}]}"));
    }
}

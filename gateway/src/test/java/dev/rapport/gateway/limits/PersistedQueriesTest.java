package dev.rapport.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Apollo's automatic persisted queries: a hash alone runs a document sent once with it. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class PersistedQueriesTest {
    static final String ADMIN = Tokens.forRoles("apq-admin", "admin");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    static JsonPath post(Map<String, Object> body, int status) {
        return given().contentType("application/json").header("Authorization", "Bearer " + ADMIN).body(body)
                .post("/graphql").then().statusCode(status).extract().jsonPath();
    }

    static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void anUnknownHashAsksForTheDocumentAndTheDocumentRegistersIt() {
        String document = "{ kind: __typename } # " + System.nanoTime();
        String hash = PersistedDocuments.sha256(document);

        JsonPath unknown = post(Map.of("extensions", persisted(hash)), 200);
        assertEquals("PersistedQueryNotFound", unknown.getString("errors[0].message"), unknown::prettify);
        assertEquals("persisted-query-not-found", unknown.getString("errors[0].extensions.code"));

        JsonPath registered = post(Map.of("query", document, "extensions", persisted(hash)), 200);
        assertEquals("Query", registered.getString("data.kind"), registered::prettify);

        JsonPath byHash = post(Map.of("extensions", persisted(hash)), 200);
        assertEquals("Query", byHash.getString("data.kind"), byHash::prettify);
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedNamingTheField() {
        JsonPath answer = post(Map.of("query", "{ __typename }",
                "extensions", persisted(PersistedDocuments.sha256("{ me { id } }"))), 400);
        assertEquals("invalid-request", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("extensions.persistedQuery.sha256Hash", answer.getString("errors[0].extensions.problem.errors[0].field"));
    }
}

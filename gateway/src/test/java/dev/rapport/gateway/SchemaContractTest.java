package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * gateway/schema.graphql is the public contract under review: any change to what the gateway serves shows up as a
 * change of that file in the same commit. The served document is written to target/schema.graphql; when this test
 * fails, review the difference and copy it over (cp target/schema.graphql schema.graphql).
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class SchemaContractTest {
    static final Path COMMITTED = Path.of("schema.graphql");

    @Test
    void theServedSchemaIsTheCommittedOneAndNeedsNoToken() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/schema.graphql"), served);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertEquals(committed, served, "The GraphQL schema changed: review target/schema.graphql against gateway/schema.graphql "
                + "and copy it over (cp target/schema.graphql schema.graphql) in the same commit");
    }
}

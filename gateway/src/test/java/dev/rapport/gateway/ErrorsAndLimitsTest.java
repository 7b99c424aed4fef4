package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ErrorsAndLimitsTest {
    static final String ADMIN = Tokens.forRoles("root", "admin");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void invalidInputCarriesAStableCodeAndTheFieldTheServiceNamed() {
        JsonPath answer = GraphQL.query(ADMIN, "mutation { createContact(input: {givenName: \"\"}) { id } }");
        assertNull(answer.get("data.createContact"));
        assertEquals("invalid-input", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("contacts-service", answer.getString("errors[0].extensions.problem.service"));
        assertEquals("https://rapport.dev/problems/invalid-input", answer.getString("errors[0].extensions.problem.type"));
        assertEquals("givenName", answer.getString("errors[0].extensions.problem.errors[0].field"));
        assertNull(answer.get("errors[0].extensions.exception"));
    }

    @Test
    void tooManyAliasesAreRefusedBeforeAnyServiceIsCalled() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            q.append(" a").append(i).append(": purposes { code }");
        }
        JsonPath answer = GraphQL.query(ADMIN, q.append(" }").toString());
        assertEquals("limit-exceeded", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertTrue(Stubs.consent.calls().isEmpty());
    }

    @Test
    void aBatchedFieldWithTwoArgumentSetsIsRefused() {
        JsonPath answer = GraphQL.query(ADMIN, """
                { contact(id: "c-1") { a: mayContact(purpose: "newsletter") { allowed }
                                        b: mayContact(purpose: "survey") { allowed } } }""");
        assertEquals("limit-exceeded", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    @Test
    void severalPurposesInOneBatchedField() {
        JsonPath answer = GraphQL.query(ADMIN, """
                { contacts(first: 5) { nodes { decisions(purposes: ["newsletter", "survey", "service"]) { purpose allowed } } } }""");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("[newsletter, survey, service]", answer.getList("data.contacts.nodes[0].decisions.purpose").toString());
        assertEquals(3, Stubs.consent.calls().size());
    }

    @Test
    void tooDeepIsRefused() {
        String deep = "{ contact(id: \"c-1\") { contactPoints { provenance { kind } postal { lines } } "
                + "timeline { nodes { details { key } } pageInfo { endCursor } } } }";
        assertNull(GraphQL.query(ADMIN, deep).get("errors"));
        String tooDeep = "{ __schema { types { fields { type" + " { ofType".repeat(6) + " { name }" + " }".repeat(6) + " } } } }";
        JsonPath answer = GraphQL.query(ADMIN, tooDeep);
        assertTrue(answer.getString("errors[0].message").toLowerCase().contains("depth"), answer::prettify);
    }

    @Test
    void errorsOfTheDocumentItselfCarryACode() {
        JsonPath unknownField = GraphQL.query(ADMIN, "{ noSuchField }");
        assertEquals("invalid-query", unknownField.getString("errors[0].extensions.code"), unknownField::prettify);
        JsonPath cycle = GraphQL.query(ADMIN, "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
        assertEquals("invalid-query", cycle.getString("errors[0].extensions.code"), cycle::prettify);
        String tooDeep = "{ __schema { types { fields { type" + " { ofType".repeat(6) + " { name }" + " }".repeat(6) + " } } } }";
        JsonPath deep = GraphQL.query(ADMIN, tooDeep);
        assertEquals("limit-exceeded", deep.getString("errors[0].extensions.code"), deep::prettify);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType("application/json").body(Map.of("query", "{ purposes { code } }"))
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void aRoleNotAllowedGetsForbiddenAndNoServiceIsCalled() {
        JsonPath answer = GraphQL.query(Tokens.forRoles("ana", "analyst"), "mutation { createPurpose(input: {code: \"x\"}) { code } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertTrue(Stubs.consent.calls().isEmpty());
    }

    @Test
    void importProgressIsAPollingField() {
        JsonPath answer = GraphQL.query(ADMIN, "{ importJob(id: \"job-1\") { status processed total progress } }");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("RUNNING", answer.getString("data.importJob.status"));
        assertEquals(0.25f, answer.getFloat("data.importJob.progress"));
    }
}

package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
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
    void aDocumentThatDoesNotParseCarriesACode() {
        JsonPath broken = GraphQL.query(ADMIN, "{ purposes { code } ");
        assertEquals("invalid-query", broken.getString("errors[0].extensions.code"), broken::prettify);
        assertTrue(broken.getString("errors[0].message").contains("line 1"), broken::prettify);
        JsonPath huge = GraphQL.query(ADMIN, "{ " + "purposes ".repeat(6000) + "}");
        assertEquals("limit-exceeded", huge.getString("errors[0].extensions.code"), huge::prettify);
        given().auth().oauth2(ADMIN).contentType("application/graphql").body("{ purposes { code ".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("errors[0].extensions.code", equalTo("invalid-query"));
        assertTrue(Stubs.consent.calls().isEmpty());
    }

    @Test
    void aRequestThatIsNotAGraphQLRequestIsA400NamingTheMember() {
        Map<String, String> cases = Map.of(
                "[{\"query\":\"{ purposes { code } }\"}]", "body",
                "not json", "body",
                "\"{ purposes { code } }\"", "body",
                "{\"variables\":{}}", "query",
                "{\"query\":5}", "query",
                "{\"query\":\"{ purposes { code } }\",\"variables\":\"x\"}", "variables",
                "{\"query\":\"{ purposes { code } }\",\"variables\":[1]}", "variables",
                "{\"query\":\"{ purposes { code } }\",\"operationName\":5}", "operationName",
                "{\"query\":\"{ purposes { code } }\",\"extensions\":\"x\"}", "extensions");
        cases.forEach((body, member) -> given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .post("/graphql").then().statusCode(400).contentType("application/json")
                .body("errors[0].extensions.code", equalTo("invalid-request"))
                .body("errors[0].extensions.problem.errors[0].field", equalTo(member)));
        assertTrue(Stubs.consent.calls().isEmpty());
        // without a token the caller learns nothing more than 401
        given().contentType("application/json").body("{\"query\":5}").post("/graphql").then().statusCode(401);
        // a well-formed request with explicit nulls still runs
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"query\":\"{ contacts(first: 1) { nodes { id } } }\",\"variables\":null,\"operationName\":null}")
                .post("/graphql").then().statusCode(200).body("errors", nullValue());
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
        // the message says what happened, in words a developer acts on
        String message = answer.getString("errors[0].message");
        assertTrue(message.startsWith("Forbidden") && message.contains("createPurpose") && message.contains("docs/roles.md"),
                message);

        JsonPath field = GraphQL.query(Tokens.forRoles("ana", "analyst"), "{ contact(id: \"c-1\") { id invitations { nodes { id } } } }");
        assertEquals("forbidden", field.getString("errors[0].extensions.code"), field::prettify);
        assertTrue(field.getString("errors[0].message").contains("`invitations`"), field::prettify);
    }

    @Test
    void importProgressIsAPollingField() {
        JsonPath answer = GraphQL.query(ADMIN, "{ importJob(id: \"job-1\") { status processed total progress } }");
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("RUNNING", answer.getString("data.importJob.status"));
        assertEquals(0.25f, answer.getFloat("data.importJob.progress"));
    }
}

package dev.rapport.feedback.support;

import static io.restassured.RestAssured.given;

import dev.rapport.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Authenticated requests as a given role. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String... roles) {
        return given().auth().oauth2(Tokens.forRoles("test-" + String.join("-", roles), roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification marketer() {
        return as("marketer");
    }

    public static RequestSpecification analyst() {
        return as("analyst");
    }

    public static RequestSpecification agent() {
        return as("agent");
    }

    public static RequestSpecification contact(UUID contactId) {
        return given().auth().oauth2(Tokens.forContact(contactId.toString())).contentType(ContentType.JSON);
    }
}

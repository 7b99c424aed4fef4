package dev.rapport.contacts.support;

import static io.restassured.RestAssured.given;

import dev.rapport.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Authenticated requests as a given role. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String... roles) {
        return given().auth().oauth2(Tokens.forRoles("test-" + String.join("-", roles), roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification agent() {
        return as("agent");
    }
}

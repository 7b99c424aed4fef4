package dev.rapport.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The web app calls /graphql from its own origin (rapport.web.origins); other origins get no CORS grant. */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class WebOriginTest {
    static final String WEB = "http://localhost:8085";

    @Test
    void theWebAppsOriginMaySendTheAuthorizationHeader() {
        given().header("Origin", WEB).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(WEB))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        given().header("Origin", WEB).header("Authorization", "Bearer " + Tokens.forRoles("web", "admin"))
                .contentType("application/json").body("{\"query\":\"{ purposes { code } }\"}").post("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(WEB));
        // a link session is opened from the web app before anyone is logged in
        given().header("Origin", WEB).contentType("application/json")
                .body("{\"query\":\"mutation { openLinkSession(token: \\\"x.y\\\") { action } }\"}").post("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(WEB))
                .body("errors[0].extensions.code", equalTo("invalid-link"));
    }

    @Test
    void anotherOriginGetsNoGrant() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/graphql").then().header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().header("Access-Control-Allow-Origin", nullValue());
    }
}

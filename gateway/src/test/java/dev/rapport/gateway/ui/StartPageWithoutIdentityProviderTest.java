package dev.rapport.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A gateway that trusts the development key (the test profile, like {@code ./rapport --dev-tokens}) has no sign-in
 * service to send people to: the start page is told so and takes a pasted token; the API itself still needs one.
 */
@QuarkusTest
class StartPageWithoutIdentityProviderTest {

    @Test
    void theStartPageIsPublicAndAsksForAPastedTokenWhenThereIsNoSignInService() {
        given().get("/").then().statusCode(200).body(containsString("with-paste"));
        given().get("/ui/login-settings").then().statusCode(200)
                .body("authServerUrl", nullValue())
                .body("clientId", equalTo("rapport-spa"))
                .body("graphqlUi", equalTo("/q/graphql-ui"))
                .body("webUrl", equalTo("http://localhost:8085"));
        given().contentType("application/json").body("{\"query\":\"{ purposes { code } }\"}").post("/graphql")
                .then().statusCode(401);
    }
}

package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tokens that must not get in, at the gateway and at each service directly: a real token with its signature tampered
 * with, a real token past its expiry, a token from another issuer (Keycloak's master realm, signed by its key) and a
 * token signed by another key altogether (the development key, even naming the real issuer). Each is 401.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class TokenTest {

    @Test
    void tamperedExpiredAndForeignTokensAre401Everywhere() throws InterruptedException {
        String expired = expiredToken();
        String real = Suite.token("admin");
        String tampered = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        Map<String, String> bad = Map.of("tampered signature", tampered, "expired", expired,
                "another issuer (master realm)", masterRealmToken(),
                "another key (development key)", Tokens.forRoles("mallory", "admin"));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            given().header("Authorization", "Bearer " + token.getValue()).contentType("application/json")
                    .body(Map.of("query", "{ purposes { code } }")).post("/graphql")
                    .then().statusCode(401);
            for (String path : List.of("contacts-service /contacts?limit=1", "consent-service /purposes",
                    "feedback-service /consultations")) {
                String[] target = path.split(" ");
                given().header("Authorization", "Bearer " + token.getValue()).get(RealSuite.URLS.get(target[0]) + target[1])
                        .then().statusCode(401);
            }
        }
        // the same calls with a good token pass, so the 401s above are about the tokens
        given().header("Authorization", "Bearer " + real).contentType("application/json")
                .body(Map.of("query", "{ purposes { code } }")).post("/graphql").then().statusCode(200);
        given().header("Authorization", "Bearer " + real).get(RealSuite.URLS.get("feedback-service") + "/consultations")
                .then().statusCode(200);
    }

    /** A real token from the rapport realm that has expired: the realm's token lifespan is shortened for one token. */
    static String expiredToken() throws InterruptedException {
        String admin = masterRealmToken();
        String realm = RealSuite.keycloakUrl + "/admin/realms/rapport";
        Object lifespan = given().auth().oauth2(admin).get(realm).then().statusCode(200).extract().path("accessTokenLifespan");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("accessTokenLifespan", 2))
                .put(realm).then().statusCode(204);
        String token;
        try {
            token = EndToEndTest.token("admin");
        } finally {
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("accessTokenLifespan", lifespan))
                    .put(realm).then().statusCode(204);
        }
        Thread.sleep(4000);
        return token;
    }

    /** Keycloak's own admin token: issuer …/realms/master, signed by the master realm's key. */
    static String masterRealmToken() {
        return RealSuite.suite.keycloakAdminToken();
    }
}

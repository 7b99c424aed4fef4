package dev.rapport.contacts.security;

import static dev.rapport.contacts.support.Api.agent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.rapport.devstack.testing.Tokens;
import dev.rapport.security.VerifiedTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is remembered (dev.rapport.security.VerifiedTokens) and answered without verifying it again;
 * what callers rely on is that this changes nothing they can observe: an expired token is refused, a token changed in
 * one claim is refused, and the roles and contact claim of a remembered token still decide what it may do.
 */
@QuarkusTest
class VerifiedTokenCacheTest {
    @Inject
    VerifiedTokens verified;

    @Test
    void aVerifiedTokenIsRememberedWithItsRoles() {
        String token = Tokens.forRoles("remembered", "analyst");
        assertNull(verified.find(token));
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(200);
        assertEquals(Set.of("analyst"), verified.find(token).getRoles());
        assertEquals("remembered", verified.find(token).getPrincipal().getName());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Tokens.issue("short-lived", List.of("analyst"), null, 2);
        long exp = Instant.now().getEpochSecond() + 2;
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(200);
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(200);
        while (Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(200);
        }
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(401);
    }

    @Test
    void aCopyOfARememberedTokenWithOneClaimChangedIsRefused() {
        String token = Tokens.forRoles("reader", "analyst");
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"givenName\":\"Eve\"}").post("/contacts")
                .then().statusCode(403);

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"analyst\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).contentType(ContentType.JSON).body("{\"givenName\":\"Eve\"}").post("/contacts")
                .then().statusCode(401);
        given().auth().oauth2(forged).get("/contacts?limit=1").then().statusCode(401);
        given().auth().oauth2(token).get("/contacts?limit=1").then().statusCode(200);
    }

    @Test
    void aLinkSessionIsVerifiedByItsOwnTenantRememberedAndActsAsItsContactOnly() {
        String own = agent().body("{\"givenName\":\"Linked\"}").post("/contacts").then().statusCode(201).extract().path("id");
        String other = agent().body("{\"givenName\":\"Other\"}").post("/contacts").then().statusCode(201).extract().path("id");
        String session = Tokens.linkSession(own, "PREFERENCES", null, 600);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(session).get("/contacts/" + own).then().statusCode(200).body("id", equalTo(own));
            given().auth().oauth2(session).get("/contacts/" + other).then().statusCode(403);
            given().auth().oauth2(session).get("/contacts?limit=1").then().statusCode(403);
        }
        assertEquals(Set.of("contact"), verified.find(session).getRoles());
        assertEquals("links", verified.find(session).getAttribute("tenant-id"));
        // each issuer is verified with its own key only: the links issuer with the development key, or the development
        // issuer with the links key, is refused
        String wrongKeyForLinks = Tokens.sign(Tokens.LINKS_ISSUER, "link:" + own, List.of("contact"), own, "", 600,
                "/dev-keys/private.pem", "rapport-dev");
        String wrongKeyForLocal = Tokens.sign(Tokens.ISSUER, "mallory", List.of("admin"), null, "", 600,
                "/dev-keys/links-private.pem", "rapport-links");
        given().auth().oauth2(wrongKeyForLinks).get("/contacts/" + own).then().statusCode(401);
        given().auth().oauth2(wrongKeyForLocal).get("/contacts?limit=1").then().statusCode(401);
        given().auth().oauth2(Tokens.linkSession(own, "PREFERENCES", null, -10)).get("/contacts/" + own).then().statusCode(401);
    }

    @Test
    void aRememberedContactTokenStillReachesOnlyItsOwnContact() {
        String own = agent().body("{\"givenName\":\"Own\"}").post("/contacts").then().statusCode(201).extract().path("id");
        String other = agent().body("{\"givenName\":\"Other\"}").post("/contacts").then().statusCode(201).extract().path("id");
        String token = Tokens.forContact(own);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/contacts/" + own).then().statusCode(200).body("id", equalTo(own));
            given().auth().oauth2(token).get("/contacts/" + other).then().statusCode(403);
        }
    }
}

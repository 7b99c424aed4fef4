package dev.rapport.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.security.links.LinkAction;
import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A link from a message, as a person uses it: exchanged at the gateway without logging in, then used through /graphql
 * within its scope (and refused outside it), and accepted by the services themselves as that contact (their second
 * OIDC tenant), while a token signed with the wrong key for its issuer is refused everywhere.
 */
@QuarkusTest
@TestProfile(EndToEndTest.RealSuiteProfile.class)
@EnabledIf("dev.rapport.gateway.e2e.RealSuite#available")
class LinkSessionEndToEndTest {

    static String link(String contactId, LinkAction action, String ref) {
        return new LinkTokens(dev.rapport.devstack.testing.suite.Suite.LINK_ENVIRONMENT.get("RAPPORT_LINK_SECRET")).sign(
                new LinkClaims(UUID.fromString(contactId), action, ref == null ? null : UUID.fromString(ref), null,
                        Instant.now().plusSeconds(3600), UUID.randomUUID()));
    }

    @Test
    void aCaseLinkOpensASessionThatConfirmsThatCaseAndNothingElse() throws InterruptedException {
        String own = Suite.createContact("Linked");
        String other = Suite.createContact("Someone else");
        String caseId = Suite.ok(Suite.token("agent"), "mutation { openCase(input: {contactId: \"" + own
                + "\", problem: \"Parcel never arrived\", channel: EMAIL}) { id } }").getString("data.openCase.id");
        Suite.ok(Suite.token("agent"), "mutation { resolveCase(id: \"" + caseId + "\", input: {note: \"Re-sent\"}) { status } }");

        JsonPath opened = GraphQL.query(null, "mutation($t: String!) { openLinkSession(token: $t) { accessToken action ref } }",
                Map.of("t", link(own, LinkAction.CASE, caseId)));
        assertNull(opened.get("errors"), opened::prettify);
        String session = opened.getString("data.openLinkSession.accessToken");

        JsonPath read = Suite.ok(session, "{ case(id: \"" + caseId + "\") { id status } me { id displayName } }");
        assertEquals(own, read.getString("data.me.id"));
        assertEquals("RESOLVED", read.getString("data.case.status"));
        JsonPath confirmed = Suite.ok(session, "mutation { confirmCase(id: \"" + caseId
                + "\", input: {outcome: CONFIRMED}) { status confirmedAt } }");
        assertEquals("CONFIRMED", confirmed.getString("data.confirmCase.status"), confirmed::prettify);

        // outside the link's scope: forbidden, with a message that says why
        for (String outside : List.of("{ me { consents { purpose status } } }",
                "mutation { setPolicy(contactId: \"" + own + "\", input: {doNotContact: true}) { doNotContact } }",
                "{ exportPersonalData(contactId: \"" + own + "\") { complete } }")) {
            JsonPath refused = GraphQL.query(session, outside);
            assertEquals("forbidden", refused.getString("errors[0].extensions.code"), refused::prettify);
        }
        given().auth().oauth2(Suite.token("agent")).get(RealSuite.URLS.get("consent-service") + "/contacts/" + own + "/policy")
                .then().statusCode(200).body("doNotContact", org.hamcrest.Matchers.not(true));

        // the services accept the session as the contact it names, and as nobody else
        given().auth().oauth2(session).get(RealSuite.URLS.get("contacts-service") + "/contacts/" + own).then().statusCode(200);
        given().auth().oauth2(session).get(RealSuite.URLS.get("contacts-service") + "/contacts/" + other).then().statusCode(403);
        given().auth().oauth2(session).get(RealSuite.URLS.get("consent-service") + "/contacts/" + own + "/consents")
                .then().statusCode(200);
        given().auth().oauth2(session).get(RealSuite.URLS.get("feedback-service") + "/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(session).get(RealSuite.URLS.get("contacts-service") + "/contacts?limit=1").then().statusCode(403);

        // the session altered in one claim is no session
        String[] parts = session.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(own, other);
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(altered).get(RealSuite.URLS.get("contacts-service") + "/contacts/" + other).then().statusCode(401);
        given().header("Authorization", "Bearer " + altered).contentType("application/json")
                .body(Map.of("query", "{ me { id } }")).post("/graphql").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithTheWrongKeyForItsIssuerIsRefusedEverywhere() {
        String contactId = UUID.randomUUID().toString();
        String links = Tokens.LINKS_ISSUER;
        Map<String, String> forged = Map.of(
                "links issuer, development key", Tokens.sign(links, "link:" + contactId, List.of("contact"), contactId,
                        ",\"link_action\":\"PREFERENCES\"", 600, "/dev-keys/private.pem", "rapport-dev"),
                "realm issuer, links key", Tokens.sign(RealSuite.suite.oidcUrl(), "mallory", List.of("admin"), null, "", 600,
                        "/dev-keys/links-private.pem", "rapport-links"));
        forged.forEach((what, token) -> {
            given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(Map.of("query", "{ purposes { code } }")).post("/graphql").then().statusCode(401);
            for (String service : RealSuite.SERVICES) {
                given().auth().oauth2(token).get(RealSuite.URLS.get(service) + "/contacts/" + contactId + "/data-export")
                        .then().statusCode(401);
            }
        });
    }
}

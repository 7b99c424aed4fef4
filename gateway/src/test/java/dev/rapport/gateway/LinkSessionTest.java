package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.security.links.LinkAction;
import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Link sessions against stub services: opened without a token, refused for a link that is not genuine, and held to
 * what the link's action needs (every refusal is {@code forbidden} and calls nothing).
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class LinkSessionTest {
    static final String OPEN = "mutation($t: String!) { openLinkSession(token: $t) { accessToken tokenType expiresAt expiresIn "
            + "action ref contactId purpose } }";

    @ConfigProperty(name = "rapport.links.secret")
    String secret;

    final UUID person = UUID.randomUUID();

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    String link(LinkAction action, UUID ref, Instant expires) {
        return new LinkTokens(secret).sign(new LinkClaims(person, action, ref, "survey", expires, UUID.randomUUID()));
    }

    String link(LinkAction action, UUID ref) {
        return link(action, ref, Instant.now().plusSeconds(3600));
    }

    static JsonPath open(String token) {
        return GraphQL.query(null, OPEN, Map.of("t", token));
    }

    String session(LinkAction action, UUID ref) {
        JsonPath opened = open(link(action, ref));
        assertNull(opened.get("errors"), opened::prettify);
        return opened.getString("data.openLinkSession.accessToken");
    }

    @Test
    void aGenuineLinkOpensASessionWithoutLoggingIn() {
        UUID caseId = UUID.randomUUID();
        JsonPath opened = open(link(LinkAction.CASE, caseId));
        assertNull(opened.get("errors"), opened::prettify);
        assertEquals("Bearer", opened.getString("data.openLinkSession.tokenType"));
        assertEquals("CASE", opened.getString("data.openLinkSession.action"));
        assertEquals(caseId.toString(), opened.getString("data.openLinkSession.ref"));
        assertEquals(person.toString(), opened.getString("data.openLinkSession.contactId"));
        assertEquals("survey", opened.getString("data.openLinkSession.purpose"));
        assertEquals(900, opened.getInt("data.openLinkSession.expiresIn"));

        String jwt = opened.getString("data.openLinkSession.accessToken");
        JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("rapport-links", claims.getString("iss"));
        assertEquals("rapport", claims.getValue("aud") instanceof String a ? a : claims.getJsonArray("aud").getString(0));
        assertEquals("link:" + person, claims.getString("sub"));
        assertEquals(person.toString(), claims.getString("contact_id"));
        assertEquals("CASE", claims.getString("link_action"));
        assertEquals(caseId.toString(), claims.getString("link_ref"));
        assertEquals("contact", claims.getJsonObject("realm_access").getJsonArray("roles").getString(0));
        assertEquals(900, claims.getLong("exp") - claims.getLong("iat"));
        // the one call opening a session makes: consent-service counts the link's opening
        assertTrue(Stubs.contacts.calls().isEmpty() && Stubs.feedback.calls().isEmpty());
        assertEquals(java.util.List.of("/link-opens"), Stubs.consent.calls().stream().map(StubService.Call::path).toList());
    }

    @Test
    void aForgedAlteredExpiredOrUnsubscribeLinkIsInvalidLinkNeverA500() {
        String genuine = link(LinkAction.PREFERENCES, null);
        String altered = genuine.substring(0, 10) + (genuine.charAt(10) == 'A' ? 'B' : 'A') + genuine.substring(11);
        String otherSecret = new LinkTokens("another-secret-of-at-least-32-characters!").sign(
                new LinkClaims(person, LinkAction.PREFERENCES, null, null, Instant.now().plusSeconds(60), UUID.randomUUID()));
        String expired = link(LinkAction.PREFERENCES, null, Instant.now().minusSeconds(1));
        for (String bad : new String[] {altered, otherSecret, expired, "", "x.y", "not a token at all", "a".repeat(5000),
                link(LinkAction.UNSUBSCRIBE, UUID.randomUUID())}) {
            JsonPath answer = open(bad);
            assertNull(answer.get("data.openLinkSession"), answer::prettify);
            assertEquals("invalid-link", answer.getString("errors[0].extensions.code"), answer::prettify);
            assertTrue(!answer.getString("errors[0].message").contains("Internal"), answer::prettify);
        }
    }

    @Test
    void withoutATokenNothingButOpeningASessionGetsIn() {
        for (String document : new String[] {"{ purposes { code } }", "mutation { erasePerson(contactId: \"x\") { erased } }",
                "mutation { openLinkSession(token: \"x\") { action } erasePerson(contactId: \"x\") { erased } }",
                "mutation { openLinkSession(token: \"x\") { action } } query { purposes { code } }",
                "mutation { ...F } fragment F on Mutation { erasePerson(contactId: \"x\") { erased } }", "{"}) {
            given().contentType("application/json").body(Map.of("query", document)).post("/graphql").then().statusCode(401);
        }
        given().contentType("application/json").body("[{\"query\":\"{ purposes { code } }\"}]").post("/graphql")
                .then().statusCode(401);
        given().contentType("application/graphql").body("{ purposes { code } }".getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(401);
        assertTrue(Stubs.consent.calls().isEmpty());
    }

    @Test
    void aCaseSessionReadsAndConfirmsThatCaseOnly() {
        UUID caseId = UUID.randomUUID();
        String session = session(LinkAction.CASE, caseId);

        JsonPath own = GraphQL.query(session, "{ case(id: \"" + caseId + "\") { id status } me { id language } }");
        assertNull(own.get("errors"), own::prettify);
        assertEquals(caseId.toString(), own.getString("data.case.id"));
        assertEquals(person.toString(), own.getString("data.me.id"));

        Stubs.resetAll();
        for (String outside : new String[] {"{ case(id: \"" + UUID.randomUUID() + "\") { id } }",
                "{ me { cases { nodes { id } } } }", "{ me { policy { doNotContact } } }",
                "mutation { confirmCase(id: \"" + UUID.randomUUID() + "\", input: {outcome: CONFIRMED}) { id } }",
                "mutation { setPolicy(contactId: \"" + person + "\", input: {doNotContact: true}) { doNotContact } }",
                "{ exportPersonalData(contactId: \"" + person + "\") { complete } }"}) {
            JsonPath refused = GraphQL.query(session, outside);
            assertEquals("forbidden", refused.getString("errors[0].extensions.code"), outside + "\n" + refused.prettify());
            assertTrue(refused.getString("errors[0].message").matches(".*(CASE link|one case only).*"), refused::prettify);
        }
        assertTrue(Stubs.feedback.calls().isEmpty() && Stubs.consent.calls().isEmpty(), "nothing outside the scope is called");
    }

    @Test
    void aConsultationSessionReadsTheConsultationOfItsInvitationOnly() {
        UUID invitation = UUID.randomUUID();
        Function<StubService.Request, StubService.Answer> original = Stubs.feedback.swap("GET", "/by-contact/invitations",
                r -> StubService.Answer.json("[{\"contactId\":\"" + r.param("contactIds") + "\",\"items\":[{\"id\":\"" + invitation
                        + "\",\"consultationId\":\"k-mine\",\"contactId\":\"" + r.param("contactIds") + "\",\"responded\":false}],"
                        + "\"next\":null}]"));
        try {
            String session = session(LinkAction.CONSULTATION, invitation);
            JsonPath mine = GraphQL.query(session, "{ consultation(id: \"k-mine\") { id title } me { invitations { nodes { id } } } }");
            assertNull(mine.get("errors"), mine::prettify);
            assertEquals("k-mine", mine.getString("data.consultation.id"));
            assertEquals(invitation.toString(), mine.getString("data.me.invitations.nodes[0].id"));

            JsonPath other = GraphQL.query(session, "{ consultation(id: \"k-other\") { id } }");
            assertEquals("forbidden", other.getString("errors[0].extensions.code"), other::prettify);
            assertNull(other.get("data.consultation"));
            assertTrue(Stubs.feedback.calls().stream().noneMatch(c -> c.path().endsWith("/k-other")));

            JsonPath answerOther = GraphQL.query(session, "mutation { submitConsultationResponse(input: {invitationId: \""
                    + UUID.randomUUID() + "\", ratings: []}) { id } }");
            assertEquals("forbidden", answerOther.getString("errors[0].extensions.code"), answerOther::prettify);
        } finally {
            Stubs.feedback.swap("GET", "/by-contact/invitations", original);
        }
    }

    @Test
    void aLinkOpensAtMostFiveSessionsCountedByConsentServiceWithTheSessionItself() {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        Function<StubService.Request, StubService.Answer> original = Stubs.consent.swap("POST", "/link-opens",
                r -> StubService.Answer.json("{\"linkId\":\"l\",\"opens\":" + opened.incrementAndGet() + "}"));
        try {
            String token = link(LinkAction.CASE, UUID.randomUUID());
            for (int i = 1; i <= 5; i++) {
                JsonPath ok = open(token);
                assertNull(ok.get("errors"), ok::prettify);
            }
            JsonPath sixth = open(token);
            assertEquals("invalid-link", sixth.getString("errors[0].extensions.code"), sixth::prettify);
            assertTrue(sixth.getString("errors[0].message").contains("already been opened 5 times"), sixth::prettify);
            assertNull(sixth.get("data.openLinkSession"));
            // each opening was counted with the new session's own token, which names the link it came from
            StubService.Call call = Stubs.consent.calls().stream().filter(c -> c.path().equals("/link-opens")).findFirst().orElseThrow();
            String jwt = call.authorization().substring("Bearer ".length());
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
            assertEquals(new LinkTokens(secret).verify(token).orElseThrow().id().toString(), claims.getString("link_id"));
            assertEquals("rapport-links", claims.getString("iss"));
        } finally {
            Stubs.consent.swap("POST", "/link-opens", original);
        }
    }

    @Test
    void whenOpeningsCannotBeCountedNoSessionOpens() {
        Function<StubService.Request, StubService.Answer> original = Stubs.consent.swap("POST", "/link-opens",
                r -> new StubService.Answer(503, "application/problem+json", "{\"status\":503,\"title\":\"down\"}"));
        try {
            JsonPath answer = open(link(LinkAction.CASE, UUID.randomUUID()));
            assertTrue(answer.get("errors") != null, answer::prettify);
            assertNull(answer.get("data.openLinkSession"));
        } finally {
            Stubs.consent.swap("POST", "/link-opens", original);
        }
    }

    @Test
    void aRenewalOfferSessionReadsThatOfferOnly() {
        UUID offer = UUID.randomUUID();
        Function<StubService.Request, StubService.Answer> original = Stubs.feedback.swap("GET", "/renewal-offers/([^/]+)",
                r -> StubService.Answer.json("{\"id\":\"" + r.path().group(1) + "\",\"programmeId\":\"p-1\","
                        + "\"programme\":\"Season ticket\",\"period\":\"2026/27\"}"));
        try {
            String session = session(LinkAction.RENEWAL_OFFER, offer);
            JsonPath mine = GraphQL.query(session, "{ myRenewalOffer(id: \"" + offer + "\") { id programme period } me { id } }");
            assertNull(mine.get("errors"), mine::prettify);
            assertEquals("Season ticket", mine.getString("data.myRenewalOffer.programme"));
            assertEquals("2026/27", mine.getString("data.myRenewalOffer.period"));
            // the person's own token goes to feedback-service, which checks the offer was sent to them
            assertTrue(Stubs.feedback.calls().stream().anyMatch(c -> c.path().equals("/renewal-offers/" + offer)));

            Stubs.resetAll();
            for (String outside : new String[] {"{ myRenewalOffer(id: \"" + UUID.randomUUID() + "\") { id } }",
                    "{ case(id: \"" + offer + "\") { id } }", "{ me { policy { doNotContact } } }"}) {
                JsonPath refused = GraphQL.query(session, outside);
                assertEquals("forbidden", refused.getString("errors[0].extensions.code"), outside + "\n" + refused.prettify());
            }
            assertTrue(Stubs.feedback.calls().isEmpty() && Stubs.consent.calls().isEmpty(), "nothing outside the scope is called");
        } finally {
            Stubs.feedback.swap("GET", "/renewal-offers/([^/]+)", original);
        }
    }

    @Test
    void aLoggedInCallerIsNotHeldToAnyLinkScope() {
        JsonPath answer = GraphQL.query(dev.rapport.devstack.testing.Tokens.forContact("c-ada"),
                "{ me { cases { nodes { id } } policy { doNotContact } } consultation(id: \"k-any\") { id } }");
        assertNull(answer.get("errors"), answer::prettify);
    }
}

package dev.rapport.delivery.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.delivery.queue.Dispatcher;
import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.Mime;
import dev.rapport.delivery.testing.Seed;
import dev.rapport.delivery.testing.Services;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.security.links.LinkAction;
import dev.rapport.security.links.LinkClaims;
import dev.rapport.security.links.LinkTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One-click unsubscribe from a real delivered message: GET changes nothing, POST withdraws, forgeries are refused. */
@QuarkusTest
@QuarkusTestResource(Services.class)
@QuarkusTestResource(Mailbox.class)
class UnsubscribeTest {
    @Inject
    Dispatcher dispatcher;
    @ConfigProperty(name = "rapport.links.secret")
    String secret;

    @BeforeAll
    static void purposes() {
        Seed.purposes();
    }

    /** A delivered newsletter; answers [contact id, the path of its List-Unsubscribe link]. */
    private String[] delivered() {
        return delivered(null);
    }

    /** The same, to a person who chose {@code language}. */
    private String[] delivered(String language) {
        Seed.Queued una = Seed.newsletter("una", language);
        dispatcher.drain().await().atMost(Duration.ofSeconds(90));
        String header = Mime.header(Mailbox.to(una.address()).get(0), "List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        assertEquals("http://localhost:8084/unsubscribe/", url.substring(0, url.lastIndexOf('/') + 1));
        return new String[] {una.contact().toString(), url.substring("http://localhost:8084".length())};
    }

    private static String newsletter(String contact) {
        List<java.util.Map<String, Object>> states = Seed.as(Suite.CONSENT, "admin").get("/contacts/" + contact + "/consents")
                .then().statusCode(200).extract().jsonPath().getList("");
        return states.stream().filter(s -> "newsletter".equals(s.get("purpose"))).map(s -> (String) s.get("status"))
                .reduce((a, b) -> b.equals("WITHDRAWN") ? b : a).orElse("none");
    }

    @Test
    void getShowsAButtonAndChangesNothing() {
        String[] una = delivered();
        given().header("Accept-Language", "fr-CA,fr;q=0.9").get(una[1]).then().statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script")))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"), containsString("<form method=\"post\">"),
                        containsString("Oui, me désabonner"), containsString("Product newsletter"), not(containsString("<script")));
        given().header("Accept-Language", "ar").get(una[1]).then().statusCode(200).body(containsString("dir=\"rtl\""));
        assertEquals("GRANTED", newsletter(una[0]));
    }

    @Test
    void thePageSpeaksThePersonsLanguageWhateverTheBrowserAsks() {
        String[] nour = delivered("ar");
        given().header("Accept-Language", "en-GB,en;q=0.9").get(nour[1]).then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"), containsString("<form method=\"post\">"));
        given().header("Accept-Language", "fr").contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(nour[1]).then().statusCode(200).body(containsString("<html lang=\"ar\" dir=\"rtl\">"));
        assertEquals("WITHDRAWN", newsletter(nour[0]));
    }

    @Test
    void oneClickPostWithdrawsInTheLedgerAndAReplayIsHarmless() {
        String[] una = delivered();
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(una[1]).then().statusCode(200)
                .body(containsString("you will no longer receive these messages (Product newsletter)"));
        assertEquals("WITHDRAWN", newsletter(una[0]));
        List<java.util.Map<String, Object>> events = Seed.as(Suite.CONSENT, "admin")
                .get("/contacts/" + una[0] + "/consent-events").then().statusCode(200).extract().jsonPath().getList("items");
        java.util.Map<String, Object> withdrawal = events.stream().filter(e -> "WITHDRAW".equals(e.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("UNSUBSCRIBE_LINK", withdrawal.get("source"));
        assertEquals("newsletter", withdrawal.get("purpose"));

        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(una[1]).then().statusCode(200);
        assertEquals("WITHDRAWN", newsletter(una[0]));
    }

    @Test
    void forgedAlteredExpiredOrForeignTokensAreRefusedAndChangeNothing() {
        String[] una = delivered();
        String token = una[1].substring("/unsubscribe/".length());
        String body = token.substring(0, token.indexOf('.'));
        String altered = (body.charAt(3) == 'A' ? 'B' : 'A') + "";
        String alteredToken = body.substring(0, 3) + altered + body.substring(4) + token.substring(token.indexOf('.'));
        LinkTokens tokens = new LinkTokens(secret);
        LinkClaims claims = tokens.verify(token).orElseThrow();
        String expired = tokens.sign(new LinkClaims(claims.contactId(), LinkAction.UNSUBSCRIBE, claims.ref(), claims.purpose(),
                Instant.now().minusSeconds(1), UUID.randomUUID()));
        String otherSecret = new LinkTokens("another-secret-that-is-long-enough-to-sign").sign(claims);
        String preferences = tokens.sign(new LinkClaims(claims.contactId(), LinkAction.PREFERENCES, null, claims.purpose(),
                Instant.now().plusSeconds(600), UUID.randomUUID()));
        for (String bad : List.of(alteredToken, expired, otherSecret, preferences, "nonsense", "a.b.c")) {
            given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post("/unsubscribe/" + bad).then()
                    .statusCode(400).body(containsString("This link is not valid"));
            given().get("/unsubscribe/" + bad).then().statusCode(400);
        }
        given().accept("application/json").post("/unsubscribe/" + alteredToken).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.is("token"));
        assertEquals("GRANTED", newsletter(una[0]));
    }
}

package dev.rapport.consent.linkopen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.consent.support.Api;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LinkOpenResourceTest {

    static String session(UUID contact, UUID link) {
        return Tokens.sign(Tokens.LINKS_ISSUER, "link:" + contact, List.of("contact"), contact.toString(),
                ",\"link_action\":\"PREFERENCES\"" + (link == null ? "" : ",\"link_id\":\"" + link + "\""), 300,
                "/dev-keys/links-private.pem", "rapport-links");
    }

    static io.restassured.response.ValidatableResponse open(String token) {
        return given().auth().oauth2(token).post("/link-opens").then();
    }

    @Test
    void eachOpeningOfALinkIsCountedAcrossSessions() {
        UUID contact = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        open(session(contact, link)).statusCode(200).body("linkId", equalTo(link.toString())).body("opens", equalTo(1));
        open(session(contact, link)).statusCode(200).body("opens", equalTo(2));
        // another link of the same person counts on its own
        open(session(contact, UUID.randomUUID())).statusCode(200).body("opens", equalTo(1));
    }

    @Test
    void concurrentOpeningsAreEachCountedOnce() throws Exception {
        UUID contact = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opened.add(pool.submit(() -> open(session(contact, link)).statusCode(200).extract().<Integer>path("opens")));
            }
            Set<Integer> counts = new HashSet<>();
            for (Future<Integer> f : opened) {
                counts.add(f.get());
            }
            assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), counts, "every opening got its own number");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onlyALinkSessionNamingItsLinkCounts() {
        UUID contact = UUID.randomUUID();
        open(session(contact, null)).statusCode(403).contentType("application/problem+json");
        open(Tokens.forContact(contact.toString())).statusCode(403);
        Api.as("admin").post("/link-opens").then().statusCode(403);
        given().post("/link-opens").then().statusCode(401);
    }
}

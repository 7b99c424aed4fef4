package dev.rapport.delivery.clients;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.delivery.queue.Dispatcher;
import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.OwnServices;
import dev.rapport.delivery.testing.Mime;
import dev.rapport.delivery.testing.Seed;
import dev.rapport.delivery.testing.Services;
import dev.rapport.devstack.testing.suite.Suite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delivery as production runs it: a real Keycloak realm, the services accepting only its tokens, and delivery with its
 * own service account ({@code rapport-delivery}, client credentials, role integration) — the lease, the reads, the
 * acknowledgements and the one-click unsubscribe all carry the token its OIDC client got. Its tokens live 35 seconds
 * here, so the test also delivers after the first one has expired: the client renews it (30 s before expiry) instead of
 * sending one that is refused.
 */
@QuarkusTest
@TestProfile(ServiceAccountTest.RealRealm.class)
class ServiceAccountTest {
    /** The services in a real Keycloak realm. */
    public static class RealRealm extends OwnServices {
        public RealRealm() {
            super(Map.of(Services.KEYCLOAK_TOKEN_SECONDS, "35"));
        }
    }

    @Inject
    Dispatcher dispatcher;

    @Test
    void deliversAndUnsubscribesWithItsOwnRealmTokenBeforeAndAfterTheTokenExpires() throws InterruptedException {
        Seed.purposes();
        Seed.Queued first = Seed.newsletter("realm-first");
        dispatcher.drain().await().atMost(Duration.ofSeconds(90));
        assertEquals("DELIVERED", Seed.status(first.outreach()));
        assertEquals(1, Mailbox.to(first.address()).size());

        Thread.sleep(36_000);
        Seed.Queued second = Seed.newsletter("realm-second");
        dispatcher.drain().await().atMost(Duration.ofSeconds(90));
        assertEquals("DELIVERED", Seed.status(second.outreach()));

        String header = Mime.header(Mailbox.to(second.address()).get(0), "List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(url.substring(url.indexOf("/unsubscribe/"))).then().statusCode(200);
        List<Map<String, Object>> events = Seed.as(Suite.CONSENT, "admin").get("/contacts/" + second.contact() + "/consent-events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, events.stream().filter(e -> "WITHDRAW".equals(e.get("kind")) && "UNSUBSCRIBE_LINK".equals(e.get("source"))).count(),
                events::toString);
    }
}

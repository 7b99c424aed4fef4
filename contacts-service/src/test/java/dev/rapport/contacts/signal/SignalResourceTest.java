package dev.rapport.contacts.signal;

import static dev.rapport.contacts.support.Api.agent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.rapport.contacts.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalResourceTest {

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    @Test
    void spendThresholdAndNotThankedFireForABigSpender() {
        String owner = owner();
        String c = Fixtures.contact(owner);
        Instant now = Instant.now();
        Fixtures.purchase(c, now.minus(200, ChronoUnit.DAYS), "600", "EUR");
        Fixtures.purchase(c, now.minus(100, ChronoUnit.DAYS), "500", "EUR");
        agent().queryParam("owner", owner).get("/signals").then().statusCode(200)
                .body("items.kind", hasItem("SPEND_THRESHOLD"))
                .body("items.kind", hasItem("NOT_THANKED"))
                .body("items.find { it.kind == 'SPEND_THRESHOLD' }.facts.lifetimeSpend", equalTo(1100.0f))
                .body("items.find { it.kind == 'SPEND_THRESHOLD' }.since", equalTo(
                        now.minus(100, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS).toString()));

        Fixtures.event(c, "THANK_YOU", now.minus(1, ChronoUnit.DAYS));
        agent().queryParam("owner", owner).get("/signals").then().body("items.kind", not(hasItem("NOT_THANKED")));

        agent().post("/contacts/" + c + "/signals/SPEND_THRESHOLD/acknowledge").then().statusCode(204);
        agent().queryParam("owner", owner).get("/signals").then().body("items", hasSize(0));
    }

    @Test
    void aRegularBuyerWhoStopsIsOverdue() {
        String owner = owner();
        String c = Fixtures.contact(owner);
        Instant now = Instant.now();
        for (int i = 4; i >= 1; i--) {
            Fixtures.purchase(c, now.minus(30L * i + 60, ChronoUnit.DAYS), "10", "EUR");
        }
        agent().queryParam("owner", owner).queryParam("kind", "OVERDUE_BUYER").get("/signals").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].facts.usualIntervalDays", equalTo(30.0f))
                .body("items[0].facts.purchaseCount", equalTo(4));
        String steady = Fixtures.contact(owner);
        for (int i = 3; i >= 0; i--) {
            Fixtures.purchase(steady, now.minus(30L * i + 1, ChronoUnit.DAYS), "10", "EUR");
        }
        agent().queryParam("owner", owner).queryParam("kind", "OVERDUE_BUYER").get("/signals").then()
                .body("items.contactId", not(hasItem(steady)));
    }

    @Test
    void opensWithoutClicksThenSilenceIsDisengaging() {
        String owner = owner();
        String c = Fixtures.contact(owner);
        Instant start = Instant.now().minus(90, ChronoUnit.DAYS);
        for (int i = 0; i < 5; i++) {
            Fixtures.event(c, "EMAIL_OPEN", start.plus(i, ChronoUnit.DAYS));
        }
        String clicker = Fixtures.contact(owner);
        for (int i = 0; i < 4; i++) {
            Fixtures.event(clicker, "EMAIL_OPEN", start.plus(i, ChronoUnit.DAYS));
        }
        Fixtures.event(clicker, "EMAIL_CLICK", start.plus(5, ChronoUnit.DAYS));
        agent().queryParam("owner", owner).queryParam("kind", "DISENGAGING").get("/signals").then().statusCode(200)
                .body("items.contactId", hasItem(c)).body("items.contactId", not(hasItem(clicker)));
    }

    @Test
    void aDueFollowUpIsASignalUntilCompleted() {
        String owner = owner();
        String c = Fixtures.contact(owner);
        String id = agent().body("""
                {"dueOn":"%s","topic":"Renewal of the support contract","note":"call in June"}"""
                .formatted(LocalDate.now().minusDays(1))).post("/contacts/" + c + "/follow-ups").then().statusCode(201)
                .body("statedBy", equalTo("CONTACT")).extract().path("id");
        agent().body("{\"dueOn\":\"%s\",\"topic\":\"later\"}".formatted(LocalDate.now().plusDays(30)))
                .post("/contacts/" + c + "/follow-ups").then().statusCode(201);
        agent().queryParam("owner", owner).get("/signals").then()
                .body("items", hasSize(1)).body("items[0].kind", equalTo("FOLLOW_UP_DUE"))
                .body("items[0].facts.topic", equalTo("Renewal of the support contract"));
        agent().post("/contacts/" + c + "/follow-ups/" + id + "/complete").then().statusCode(200);
        agent().queryParam("owner", owner).get("/signals").then().body("items", hasSize(0));
        agent().queryParam("kind", "NOPE").get("/signals").then().statusCode(400).body("errors.field", hasItem("kind"));
    }
}

package dev.rapport.contacts.interaction;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.rapport.contacts.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InteractionResourceTest {

    @Test
    void aRetriedEventIsStoredOnce() {
        String contact = Fixtures.contact("alice");
        String body = """
                {"contactId":"%s","type":"PAGE_VIEW","occurredAt":"2026-01-05T10:00:00Z","source":"web","externalId":"pv-%s",
                 "subject":"/pricing","details":{"utm_source":"newsletter"}}""".formatted(contact, UUID.randomUUID());
        String first = as("integration").body(body).post("/interactions").then().statusCode(201)
                .body("status", equalTo("CREATED")).extract().path("id");
        as("integration").body(body).post("/interactions").then().statusCode(200)
                .body("status", equalTo("DUPLICATE")).body("id", equalTo(first));
        agent().get("/contacts/" + contact + "/interactions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].details.utm_source", equalTo("newsletter"));
    }

    @Test
    void partnersMayNameTheContactByAddress() {
        String contact = Fixtures.contact("alice");
        String email = Fixtures.emailOf(contact);
        as("integration").body("""
                {"contactPoint":{"channel":"EMAIL","address":"%s"},"type":"EMAIL_OPEN","occurredAt":"2026-02-01T08:00:00Z",
                 "source":"esp","externalId":"%s"}""".formatted(email.toUpperCase(), UUID.randomUUID()))
                .post("/interactions").then().statusCode(201).body("contactId", equalTo(contact));
        as("integration").body("""
                {"contactPoint":{"channel":"EMAIL","address":"nobody-%s@example.org"},"type":"EMAIL_OPEN",
                 "occurredAt":"2026-02-01T08:00:00Z","source":"esp","externalId":"x"}""".formatted(UUID.randomUUID()))
                .post("/interactions").then().statusCode(422).body("errors.field", hasItem("contactPoint"));
    }

    @Test
    void aBatchWithOneBadItemStoresNothing() {
        String contact = Fixtures.contact("alice");
        String ok = """
                {"contactId":"%s","type":"CALL","occurredAt":"2026-03-01T09:00:00Z","source":"phone","externalId":"%s"}""";
        String bad = """
                {"contactId":"%s","type":"PURCHASE","occurredAt":"2026-03-01T09:00:00Z","source":"shop","externalId":"%s"}""";
        as("integration").body("[" + ok.formatted(contact, UUID.randomUUID()) + "," + bad.formatted(contact, UUID.randomUUID()) + "]")
                .post("/interactions/batch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].amount"));
        agent().get("/contacts/" + contact + "/interactions").then().body("items", hasSize(0));

        String again = ok.formatted(contact, "call-1");
        as("integration").body("[" + again + "," + ok.formatted(contact, "call-2") + "]")
                .post("/interactions/batch").then().statusCode(200).body("status", contains("CREATED", "CREATED"));
        as("integration").body("[" + again + "," + ok.formatted(contact, "call-3") + "]")
                .post("/interactions/batch").then().statusCode(200).body("status", contains("DUPLICATE", "CREATED"));
        agent().get("/contacts/" + contact + "/interactions").then().body("items", hasSize(3));
    }

    @Test
    void timelinePagesNewestFirstWithoutGapsOrRepeats() {
        String contact = Fixtures.contact("alice");
        Instant base = Instant.parse("2026-04-01T00:00:00Z");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"contactId":"%s","type":"PAGE_VIEW","occurredAt":"%s","source":"web","externalId":"%s"}"""
                    .formatted(contact, base.plus(i / 2, ChronoUnit.HOURS), UUID.randomUUID()));
        }
        as("integration").body(batch.append("]").toString()).post("/interactions/batch").then().statusCode(200);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        do {
            var page = agent().queryParam("limit", 7).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/contacts/" + contact + "/interactions").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            for (String at : page.<String>getList("items.occurredAt")) {
                Instant t = Instant.parse(at);
                org.junit.jupiter.api.Assertions.assertFalse(t.isAfter(previous), "newest first");
                previous = t;
            }
            seen.addAll(ids);
            cursor = page.getString("next");
        } while (cursor != null);
        Set<String> unique = new HashSet<>(seen);
        org.junit.jupiter.api.Assertions.assertEquals(25, seen.size());
        org.junit.jupiter.api.Assertions.assertEquals(25, unique.size());
        agent().queryParam("cursor", "garbage!").get("/contacts/" + contact + "/interactions").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void valueIsDerivedFromPurchasesAndRefunds() {
        String contact = Fixtures.contact("alice");
        Instant now = Instant.now();
        Fixtures.purchase(contact, now.minus(400, ChronoUnit.DAYS), "100.00", "EUR");
        Fixtures.purchase(contact, now.minus(370, ChronoUnit.DAYS), "50.00", "EUR");
        Fixtures.purchase(contact, now.minus(340, ChronoUnit.DAYS), "25.50", "EUR");
        Fixtures.purchase(contact, now.minus(10, ChronoUnit.DAYS), "20.00", "EUR");
        Fixtures.purchase(contact, now.minus(5, ChronoUnit.DAYS), "99.00", "GBP");
        as("integration").body("""
                {"contactId":"%s","type":"REFUND","occurredAt":"%s","source":"shop","externalId":"%s","amount":5,"currency":"EUR"}"""
                .formatted(contact, now.minus(9, ChronoUnit.DAYS), UUID.randomUUID())).post("/interactions").then().statusCode(201);

        agent().get("/contacts/" + contact + "/value").then().statusCode(200)
                .body("currency", equalTo("EUR"))
                .body("lifetimeSpend", equalTo(190.50f))
                .body("trailing12MonthSpend", equalTo(40.50f))
                .body("purchaseCount", equalTo(4))
                .body("usualIntervalDays", equalTo(30.00f))
                .body("lastPurchaseAt", notNullValue())
                .body("byCurrency.currency", contains("EUR", "GBP"));

        String other = Fixtures.contact("bob");
        agent().queryParam("contactIds", contact + "," + other).get("/values").then().statusCode(200)
                .body("contactId", contains(contact, other))
                .body("[1].lifetimeSpend", equalTo(0.00f)).body("[1].lastPurchaseAt", nullValue());
    }

    @Test
    void leadScoreWeighsRecentBehaviour() {
        String contact = Fixtures.contact("alice");
        Instant now = Instant.now();
        Fixtures.event(contact, "EMAIL_CLICK", now.minus(1, ChronoUnit.MINUTES));
        Fixtures.event(contact, "CONTENT_DOWNLOAD", now.minus(30, ChronoUnit.DAYS));
        agent().get("/contacts/" + contact + "/lead-score").then().statusCode(200)
                .body("score", equalTo(5.5f))
                .body("contributions.type", contains("CONTENT_DOWNLOAD", "EMAIL_CLICK"));
    }

    @Test
    void badEventsAreRejectedWithTheField() {
        String contact = Fixtures.contact("alice");
        as("integration").body("""
                {"contactId":"%s","type":"TELEPATHY","occurredAt":"2026-01-01T00:00:00Z","source":"x","externalId":"y"}"""
                .formatted(contact)).post("/interactions").then().statusCode(400).body("errors.field", hasItem("type"));
        as("integration").body("""
                {"contactId":"%s","type":"CALL","occurredAt":"yesterday","source":"x","externalId":"y"}"""
                .formatted(contact)).post("/interactions").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        as("integration").body("""
                {"contactId":"%s","type":"PURCHASE","occurredAt":"2026-01-01T00:00:00Z","source":"x","externalId":"y",
                 "amount":-3,"currency":"EUR"}""".formatted(contact)).post("/interactions").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        as("integration").body("""
                {"contactId":"%s","type":"CALL","occurredAt":"2999-01-01T00:00:00Z","source":"x","externalId":"y"}"""
                .formatted(contact)).post("/interactions").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        as("integration").body("""
                {"contactId":"%s","type":"CALL","occurredAt":"2026-01-01T00:00:00Z","source":"x","externalId":"y"}"""
                .formatted(UUID.randomUUID())).post("/interactions").then().statusCode(422).body("errors.field", hasItem("contactId"));
        as("analyst").body("{}").post("/interactions").then().statusCode(403);
    }
}

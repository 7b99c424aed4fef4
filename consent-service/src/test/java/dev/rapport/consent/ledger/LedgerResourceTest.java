package dev.rapport.consent.ledger;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerResourceTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    @Test
    void aRetryWithTheSameIdempotencyKeyAppendsNothingAndAnswersTheFirstEvent() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String grant = "{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\"}";
        String first = agent().header("Idempotency-Key", "grant-1").body(grant).post("/contacts/" + ada + "/consent-events")
                .then().statusCode(201).extract().path("id");
        // the client never saw the answer (the service was killed after the commit) and sends the same request again
        agent().header("Idempotency-Key", "grant-1").body(grant).post("/contacts/" + ada + "/consent-events")
                .then().statusCode(201).body("id", equalTo(first));
        agent().header("Idempotency-Key", "grant-1").body(grant.replace("GRANT", "DENY"))
                .post("/contacts/" + ada + "/consent-events").then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));
        agent().get("/contacts/" + ada + "/consent-events").then().statusCode(200).body("items.id", contains(first));
        as("analyst").get("/contacts/" + ada + "/consent-chain").then().body("valid", equalTo(true)).body("events", equalTo(1));
        // the same key for another person is another request
        UUID bob = UUID.randomUUID();
        agent().header("Idempotency-Key", "grant-1").body(grant).post("/contacts/" + bob + "/consent-events")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(first)));
    }

    @Test
    void eventsChainAndVerify() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String first = record(ada, "GRANT", newsletter, "EMAIL", "");
        String second = record(ada, "WITHDRAW", newsletter, null, "");
        agent().get("/contacts/" + ada + "/consent-events").then().statusCode(200)
                .body("items.id", contains(first, second))
                .body("items.seq", contains(1, 2))
                .body("items[0].prevHash", equalTo("0".repeat(64)))
                .body("items[1].prevHash", equalTo(agent().get("/consent-events/" + first).then().extract().path("hash")))
                .body("items[0].lawfulBasis", equalTo("CONSENT"))
                .body("items[0].evidence.actor", equalTo("test-agent"))
                .body("items[0].evidence.formId", equalTo("signup-v1"));
        as("analyst").get("/contacts/" + ada + "/consent-chain").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo(2)).body("firstBroken", nullValue());
    }

    @Test
    void parallelWritersForOneContactProduceOneLinearChain() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String kind = i % 2 == 0 ? "GRANT" : "WITHDRAW";
                results.add(pool.submit(() -> agent().body("{\"kind\":\"" + kind + "\",\"purpose\":\"" + newsletter
                        + "\",\"channel\":\"EMAIL\",\"source\":\"API\"}").post("/contacts/" + ada + "/consent-events").statusCode()));
            }
            for (Future<Integer> f : results) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        agent().queryParam("limit", 100).get("/contacts/" + ada + "/consent-events").then()
                .body("items", hasSize(writers))
                .body("items.seq", equalTo(IntStream.rangeClosed(1, writers).boxed().toList()));
        agent().get("/contacts/" + ada + "/consent-chain").then().body("valid", equalTo(true)).body("events", equalTo(writers));
    }

    @Test
    void tamperingShowsAsTheFirstBrokenLinkAndTheDatabaseRefusesEdits() throws SQLException {
        String newsletter = purpose("newsletter", "CONSENT");
        String marketing = purpose("marketing", "CONSENT");
        UUID ada = UUID.randomUUID();
        record(ada, "GRANT", newsletter, "EMAIL", "");
        String second = record(ada, "WITHDRAW", newsletter, "EMAIL", "");
        record(ada, "GRANT", newsletter, "SMS", "");
        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update consent_events set kind = 'GRANT' where id = '" + second + "'"));
            org.hamcrest.MatcherAssert.assertThat(refused.getMessage(), org.hamcrest.Matchers.containsString("append-only"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from consent_events where id = '" + second + "'"));
            // Someone with the power to switch triggers off rewrites history anyway:
            s.execute("set session_replication_role = replica");
            s.executeUpdate("update consent_events set purpose = '" + marketing + "' where id = '" + second + "'");
        }
        agent().get("/contacts/" + ada + "/consent-chain").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken.seq", equalTo(2))
                .body("firstBroken.eventId", equalTo(second))
                .body("firstBroken.problem", equalTo("its content does not match its hash"));
    }

    @Test
    void stateIsAProjectionAndCanBeReadAsOfThePast() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String grant = record(ada, "GRANT", newsletter, "EMAIL", ",\"occurredAt\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\"");
        String withdrawal = record(ada, "WITHDRAW", newsletter, null, "");
        agent().get("/contacts/" + ada + "/consents").then().statusCode(200)
                .body("find { it.channel == 'EMAIL' }.status", equalTo("WITHDRAWN"))
                .body("find { it.channel == 'EMAIL' }.eventId", equalTo(withdrawal));
        agent().queryParam("at", Instant.now().minus(Duration.ofDays(1)).toString()).get("/contacts/" + ada + "/consents").then()
                .statusCode(200).body("status", contains("GRANTED")).body("eventId", contains(grant));
        agent().queryParam("at", "last tuesday").get("/contacts/" + ada + "/consents").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("at"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        String path = "/contacts/" + ada + "/consent-events";
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"source\":\"API\"}").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("channel"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"PIGEON\",\"source\":\"API\"}").post(path)
                .then().statusCode(400).body("errors.field", hasItem("channel"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"no-such-purpose\",\"channel\":\"EMAIL\",\"source\":\"API\"}").post(path)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("purpose"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\",\"occurredAt\":\"23/11/2026\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\",\"occurredAt\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}").post(path).then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        agent().body("{\"kind\":\"ERASURE\",\"purpose\":\"" + newsletter + "\",\"source\":\"API\"}").post(path).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        agent().body("{\"kind\":\"WITHDRAW\",\"purpose\":\"" + newsletter + "\",\"source\":\"API\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\",\"evidence\":{\"wordingHash\":\"abc\"}}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("evidence.wordingHash"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\",\"mood\":\"happy\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("mood"));
        agent().body("{\"kind\":\"GRANT\",").post(path).then().statusCode(400).body("errors.field", hasItem("body"));
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"API\"}")
                .post("/contacts/not-a-uuid/consent-events").then().statusCode(404).contentType("application/problem+json");
        agent().get(path).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPointOfAnotherContactIsRefused() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID bobsEmail = addPoint(bob, "EMAIL", "bob@example.org", "PROVIDED_BY_CONTACT", Instant.now());
        agent().body("{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"contactPointId\":\"" + bobsEmail + "\",\"source\":\"API\"}")
                .post("/contacts/" + ada + "/consent-events").then().statusCode(422).body("errors.field", hasItem("contactPointId"));
    }

    @Test
    void aContactActsOnlyOnTheirOwnConsentsThroughThePreferenceCentre() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String body = "{\"kind\":\"GRANT\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\",\"source\":\"PREFERENCE_CENTRE\"}";
        contact(ada).body(body).post("/contacts/" + ada + "/consent-events").then().statusCode(201)
                .body("evidence.actor", equalTo("contact-" + ada));
        contact(ada).body(body).post("/contacts/" + bob + "/consent-events").then().statusCode(403)
                .contentType("application/problem+json");
        contact(ada).body(body.replace("PREFERENCE_CENTRE", "AGENT")).post("/contacts/" + ada + "/consent-events").then()
                .statusCode(400).body("errors.field", hasItem("source"));
        contact(ada).get("/contacts/" + ada + "/consents").then().statusCode(200).body("status", contains("GRANTED"));
        contact(ada).get("/contacts/" + bob + "/consents").then().statusCode(403);
        contact(ada).get("/contacts/" + bob + "/consent-events").then().statusCode(403);
        contact(ada).get("/contacts/" + ada + "/consent-chain").then().statusCode(403);
        String bobs = record(bob, "GRANT", newsletter, "EMAIL", "");
        contact(ada).get("/consent-events/" + bobs).then().statusCode(403);
        as("analyst").body(body.replace("PREFERENCE_CENTRE", "API")).post("/contacts/" + ada + "/consent-events").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(body).post("/contacts/" + ada + "/consent-events")
                .then().statusCode(401);
    }
}

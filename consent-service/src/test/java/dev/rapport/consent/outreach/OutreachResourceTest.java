package dev.rapport.consent.outreach;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutreachResourceTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    /** A person with e-mail, SMS and phone they gave, and consent for the purpose on all three. */
    static UUID reachablePerson(String purpose) {
        UUID id = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(600);
        addPoint(id, "EMAIL", id + "@example.org", "PROVIDED_BY_CONTACT", before);
        addPoint(id, "SMS", "+4477009" + (100000 + (int) (Math.random() * 899999)), "PROVIDED_BY_CONTACT", before);
        addPoint(id, "PHONE", "+4477008" + (100000 + (int) (Math.random() * 899999)), "PROVIDED_BY_CONTACT", before);
        for (String channel : List.of("EMAIL", "SMS", "PHONE")) {
            record(id, "GRANT", purpose, channel, "");
        }
        return id;
    }

    static String request(UUID contactId, String purpose, String channel) {
        return "{\"contactId\":\"" + contactId + "\",\"purpose\":\"" + purpose + "\""
                + (channel == null ? "" : ",\"channel\":\"" + channel + "\"")
                + ",\"campaign\":\"spring\",\"payloadRef\":\"mail:spring\"}";
    }

    @Test
    void fiveSendsAcrossChannelsInADayAgainstACapOfTwoPerWeekAllowExactlyTwo() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID ada = reachablePerson(newsletter);
        agent().body("{\"maxTouches\":2,\"windowDays\":7}").put("/contacts/" + ada + "/policy").then().statusCode(200);
        String[] channels = {"EMAIL", "SMS", "PHONE", "EMAIL", "SMS"};
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (String channel : channels) {
                answers.add(pool.submit(() -> as("marketer").body(request(ada, newsletter, channel)).post("/outreach/requests")
                        .then().statusCode(201).extract().jsonPath()));
            }
            int queued = 0;
            for (Future<JsonPath> f : answers) {
                JsonPath a = f.get();
                if (a.getString("status").equals("QUEUED")) {
                    queued++;
                    assertTrue(a.getBoolean("decision.allowed"));
                } else {
                    assertEquals("DENIED", a.getString("status"));
                    assertEquals(List.of("frequency-cap"), a.getList("decision.reasons.code"));
                }
            }
            assertEquals(2, queued);
        } finally {
            pool.shutdown();
        }
        // Denials are kept with their reasons.
        as("analyst").queryParam("contactId", ada.toString()).queryParam("status", "DENIED").get("/outreach/requests").then()
                .statusCode(200).body("items", hasSize(3)).body("items[0].decision.reasons[0].code", equalTo("frequency-cap"));
    }

    @Test
    void deliveredMessagesAreTouchesAndFailedOnesFreeTheCap() {
        String survey = purpose("survey", "CONSENT");
        UUID bob = reachablePerson(survey);
        agent().body("{\"maxTouches\":1,\"windowDays\":7}").put("/contacts/" + bob + "/policy").then().statusCode(200);
        String first = as("marketer").body(request(bob, survey, "EMAIL")).post("/outreach/requests").then().statusCode(201)
                .body("status", equalTo("QUEUED")).extract().path("id");
        as("marketer").body(request(bob, survey, "SMS")).post("/outreach/requests").then().body("status", equalTo("DENIED"));
        Delivery d = pullOne(first, "EMAIL");
        integration().body("{\"leaseId\":\"" + d.leaseId() + "\",\"outcome\":\"FAILED\",\"detail\":\"mailbox full\"}")
                .post("/outreach/deliveries/" + first + "/ack").then().statusCode(204);
        String second = as("marketer").body(request(bob, survey, "SMS")).post("/outreach/requests").then()
                .body("status", equalTo("QUEUED")).extract().path("id");
        Delivery d2 = pullOne(second, "SMS");
        integration().body("{\"leaseId\":\"" + d2.leaseId() + "\",\"outcome\":\"DELIVERED\"}")
                .post("/outreach/deliveries/" + second + "/ack").then().statusCode(204);
        as("marketer").body(request(bob, survey, "EMAIL")).post("/outreach/requests").then().body("status", equalTo("DENIED"))
                .body("decision.reasons.code", contains("frequency-cap"));
        as("analyst").get("/outreach/requests/" + second).then().body("status", equalTo("DELIVERED"));
    }

    @Test
    void theAnswerToARequestIsTheWholeRequestAndListsAreNewestFirst() {
        String survey = purpose("survey", "CONSENT");
        UUID cy = reachablePerson(survey);
        JsonPath first = as("marketer").body(request(cy, survey, "EMAIL")).post("/outreach/requests").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(cy.toString(), first.getString("contactId"));
        assertEquals(survey, first.getString("purpose"));
        assertEquals("EMAIL", first.getString("channel"));
        assertEquals("spring", first.getString("campaign"));
        assertEquals("mail:spring", first.getString("payloadRef"));
        assertTrue(first.getString("requestedBy") != null && first.getString("createdAt") != null, first::prettify);
        // the answer is what a read of the request shows
        JsonPath read = as("analyst").get("/outreach/requests/" + first.getString("id")).then().statusCode(200).extract().jsonPath();
        assertEquals(read.getString("createdAt"), first.getString("createdAt"));
        assertEquals(read.getString("contactPointId"), first.getString("contactPointId"));

        String second = as("marketer").body(request(cy, survey, "SMS")).post("/outreach/requests").then().statusCode(201)
                .extract().path("id");
        as("analyst").queryParam("contactId", cy.toString()).queryParam("limit", 1).get("/outreach/requests").then()
                .statusCode(200).body("items.id", contains(second));
        String next = as("analyst").queryParam("contactId", cy.toString()).queryParam("limit", 1).get("/outreach/requests")
                .then().extract().path("next");
        as("analyst").queryParam("contactId", cy.toString()).queryParam("cursor", next).get("/outreach/requests").then()
                .statusCode(200).body("items.id", contains(first.getString("id")));
    }

    /** Pulls SMS/EMAIL messages until the wanted one shows up (other tests may queue messages too). */
    static Delivery pullOne(String id, String channel) {
        for (int i = 0; i < 50; i++) {
            List<Delivery> got = integration().body("{\"channel\":\"" + channel + "\",\"max\":500}").post("/outreach/queue/pull")
                    .then().statusCode(200).extract().jsonPath().getList("", Delivery.class);
            for (Delivery d : got) {
                if (d.id().toString().equals(id)) {
                    return d;
                }
            }
        }
        throw new AssertionError("message " + id + " was never pulled");
    }

    @Test
    void concurrentConsumersNeverGetTheSameMessageAndUnacknowledgedOnesComeBack() throws Exception {
        String notice = purpose("notice", "CONTRACT");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID person = UUID.randomUUID();
            addPoint(person, "POSTAL", "street " + i, "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
            ids.add(as("agent").body(request(person, notice, "POSTAL")).post("/outreach/requests").then()
                    .body("status", equalTo("QUEUED")).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Delivery>>> pulls = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                pulls.add(pool.submit(() -> integration().body("{\"channel\":\"POSTAL\",\"max\":2}").post("/outreach/queue/pull")
                        .then().statusCode(200).extract().jsonPath().getList("", Delivery.class)));
            }
            Set<UUID> seen = new HashSet<>();
            int total = 0;
            for (Future<List<Delivery>> f : pulls) {
                for (Delivery d : f.get()) {
                    total++;
                    seen.add(d.id());
                }
            }
            assertEquals(total, seen.size(), "a message was handed to two consumers");
            assertTrue(seen.stream().map(UUID::toString).toList().containsAll(ids));
        } finally {
            pool.shutdown();
        }
        // Nothing left to hand out while leases hold...
        integration().body("{\"channel\":\"POSTAL\"}").post("/outreach/queue/pull").then().body("id", org.hamcrest.Matchers.not(hasItem(ids.get(0))));
        String oldLease = as("analyst").get("/outreach/requests/" + ids.get(0)).then().extract().path("id");
        // ...until a lease runs out: simulate the visibility timeout passing for one message.
        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.executeUpdate("update outreach set lease_until = now() - interval '1 second' where id = '" + ids.get(0) + "'");
        }
        Delivery again = pullOne(ids.get(0), "POSTAL");
        assertEquals(2, again.attempt());
        integration().body("{\"leaseId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"DELIVERED\"}")
                .post("/outreach/deliveries/" + ids.get(0) + "/ack").then().statusCode(409).contentType("application/problem+json");
        integration().body("{\"leaseId\":\"" + again.leaseId() + "\",\"outcome\":\"DELIVERED\"}")
                .post("/outreach/deliveries/" + ids.get(0) + "/ack").then().statusCode(204);
        integration().body("{\"leaseId\":\"" + again.leaseId() + "\",\"outcome\":\"DELIVERED\"}")
                .post("/outreach/deliveries/" + ids.get(0) + "/ack").then().statusCode(204);
        assertTrue(oldLease != null);
    }

    @Test
    void aWithdrawalAfterQueueingStopsDelivery() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID cy = reachablePerson(newsletter);
        String id = as("marketer").body(request(cy, newsletter, "WHATSAPP")).post("/outreach/requests").then()
                .body("status", equalTo("DENIED")).body("decision.reasons.code", contains("no-usable-contact-point"))
                .extract().path("id");
        String queued = as("marketer").body(request(cy, newsletter, "PHONE")).post("/outreach/requests").then()
                .body("status", equalTo("QUEUED")).extract().path("id");
        record(cy, "WITHDRAW", newsletter, null, "");
        for (int i = 0; i < 5; i++) {
            integration().body("{\"channel\":\"PHONE\",\"max\":500}").post("/outreach/queue/pull").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.not(hasItem(queued)));
        }
        as("analyst").get("/outreach/requests/" + queued).then().body("status", equalTo("DENIED"))
                .body("outcomeDetail", org.hamcrest.Matchers.containsString("withdrawn"));
        assertTrue(id != null);
    }

    @Test
    void unsubscribeWithdrawsThePurposeOnEveryChannelUnlessThePersonChoseOtherwise() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID dee = reachablePerson(newsletter);
        String id = as("marketer").body(request(dee, newsletter, "EMAIL")).post("/outreach/requests").then().extract().path("id");
        integration().body("{}").post("/outreach/deliveries/" + id + "/unsubscribe").then().statusCode(201)
                .body("kind", equalTo("WITHDRAW")).body("channel", nullValue()).body("source", equalTo("UNSUBSCRIBE_LINK"));
        for (String channel : List.of("EMAIL", "SMS", "PHONE")) {
            as("marketer").body("{\"contactId\":\"" + dee + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"" + channel + "\"}")
                    .post("/decisions").then().body("allowed", equalTo(false)).body("reasons.code", contains("withdrawn"));
        }

        UUID eli = reachablePerson(newsletter);
        contact(eli).body("{\"unsubscribeScope\":\"PURPOSE_THIS_CHANNEL\"}").put("/contacts/" + eli + "/policy").then().statusCode(200);
        String mail = as("marketer").body(request(eli, newsletter, "EMAIL")).post("/outreach/requests").then().extract().path("id");
        contact(dee).body("{}").post("/outreach/deliveries/" + mail + "/unsubscribe").then().statusCode(403);
        contact(eli).body("{}").post("/outreach/deliveries/" + mail + "/unsubscribe").then().statusCode(201)
                .body("channel", equalTo("EMAIL"));
        as("marketer").body("{\"contactId\":\"" + eli + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"SMS\"}")
                .post("/decisions").then().body("allowed", equalTo(true));
    }

    @Test
    void bulkOutreachDecidesStoresAndIsSafeToRetry() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID a = reachablePerson(newsletter);
        UUID b = reachablePerson(newsletter);
        UUID stranger = UUID.randomUUID();
        String body = a + "\n\"" + b + "\"\n{\"contactId\":\"" + stranger + "\"}\nbanana\n" + a + "\n";
        String campaign = "winter-" + UUID.randomUUID();
        String answer = given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forRoles("m", "marketer"))
                .contentType("application/x-ndjson").queryParam("purpose", newsletter).queryParam("channel", "EMAIL")
                .queryParam("campaign", campaign).queryParam("payloadRef", "mail:winter")
                .body(body.getBytes()).post("/outreach/requests/bulk").then().statusCode(200).extract().asString();
        List<JsonPath> lines = answer.lines().map(JsonPath::from).toList();
        assertEquals(5, lines.size(), answer);
        assertEquals("QUEUED", lines.get(0).getString("status"));
        assertEquals("QUEUED", lines.get(1).getString("status"));
        assertEquals(b.toString(), lines.get(1).getString("contactId"));
        assertEquals("DENIED", lines.get(2).getString("status"));
        assertEquals(List.of("unknown-contact"), lines.get(2).getList("decision.reasons.code"));
        assertEquals(4, lines.get(3).getInt("line"));
        assertEquals("repeats line 1", lines.get(4).getString("error"));
        as("analyst").get("/outreach/requests/" + lines.get(0).getString("id")).then().body("campaign", equalTo(campaign))
                .body("payloadRef", equalTo("mail:winter")).body("status", equalTo("QUEUED"));

        String retry = given().auth().oauth2(dev.rapport.devstack.testing.Tokens.forRoles("m", "marketer"))
                .contentType("application/x-ndjson").queryParam("purpose", newsletter).queryParam("channel", "EMAIL")
                .queryParam("campaign", campaign).queryParam("payloadRef", "mail:winter")
                .body((a + "\n").getBytes()).post("/outreach/requests/bulk").then().statusCode(200).extract().asString();
        assertEquals("DUPLICATE", JsonPath.from(retry.strip()).getString("status"));
        assertEquals(lines.get(0).getString("id"), JsonPath.from(retry.strip()).getString("id"));
        as("analyst").queryParam("campaign", campaign).get("/outreach/requests").then().body("items", hasSize(3));
    }

    @Test
    void oversizedBulkBodiesAreRefused() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        byte[] big = (UUID.randomUUID() + "\n").repeat(140_000).getBytes();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("/decisions/bulk", "/outreach/requests/bulk")) {
            java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path
                                    + "?purpose=" + newsletter + "&campaign=never"))
                    .header("Authorization", "Bearer " + dev.rapport.devstack.testing.Tokens.forRoles("m", "marketer"))
                    .header("Content-Type", "application/x-ndjson")
                    .expectContinue(true)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build();
            assertEquals(413, client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(), path);
        }
        as("analyst").queryParam("campaign", "never").get("/outreach/requests").then().body("items", hasSize(0));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String newsletter = purpose("newsletter", "CONSENT");
        UUID fay = reachablePerson(newsletter);
        String key = UUID.randomUUID().toString();
        String first = as("integration").header("Idempotency-Key", key).body(request(fay, newsletter, "EMAIL"))
                .post("/outreach/requests").then().statusCode(201).extract().path("id");
        as("integration").header("Idempotency-Key", key).body(request(fay, newsletter, "EMAIL"))
                .post("/outreach/requests").then().statusCode(201).body("id", equalTo(first));
        as("integration").header("Idempotency-Key", key).body(request(fay, newsletter, "SMS"))
                .post("/outreach/requests").then().statusCode(422).contentType("application/problem+json");
        as("analyst").queryParam("contactId", fay.toString()).get("/outreach/requests").then().body("items", hasSize(1));
    }

    @Test
    void badInputAndRoles() {
        String newsletter = purpose("newsletter", "CONSENT");
        as("marketer").body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"nope-nope\"}").post("/outreach/requests")
                .then().statusCode(422).body("errors.field", hasItem("purpose"));
        as("marketer").body("{\"contactId\":\"x\",\"purpose\":\"" + newsletter + "\"}").post("/outreach/requests")
                .then().statusCode(400).body("errors.field", hasItem("contactId"));
        as("marketer").body("{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"" + newsletter + "\",\"payloadRef\":\""
                + "x".repeat(501) + "\"}").post("/outreach/requests").then().statusCode(400).body("errors.field", hasItem("payloadRef"));
        UUID unknown = UUID.randomUUID();
        as("marketer").body(request(unknown, newsletter, null)).post("/outreach/requests").then().statusCode(201)
                .body("status", equalTo("DENIED")).body("decision.reasons.code", contains("unknown-contact"));
        contact(unknown).body(request(unknown, newsletter, null)).post("/outreach/requests").then().statusCode(403);
        as("marketer").body("{}").post("/outreach/queue/pull").then().statusCode(403);
        integration().body("{\"max\":100000}").post("/outreach/queue/pull").then().statusCode(400).body("errors.field", hasItem("max"));
        integration().body("{\"leaseId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"READ\"}")
                .post("/outreach/deliveries/" + UUID.randomUUID() + "/ack").then().statusCode(400).body("errors.field", hasItem("outcome"));
        integration().body("{\"leaseId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"DELIVERED\"}")
                .post("/outreach/deliveries/" + UUID.randomUUID() + "/ack").then().statusCode(404);
        as("analyst").queryParam("status", "LOST").get("/outreach/requests").then().statusCode(400).body("errors.field", hasItem("status"));
        as("analyst").queryParam("contactId", "12").get("/outreach/requests").then().statusCode(400).body("errors.field", hasItem("contactId"));
    }
}

package dev.rapport.consent.rules;

import static dev.rapport.consent.support.Api.addPoint;
import static dev.rapport.consent.support.Api.admin;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.contact;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.devstack.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Admins manage the company's rules over REST: every bad input is a problem naming the field, only admins change them,
 * every change is audited, and decisions apply them at once (bulk ones with the same statements for 1 contact or many).
 * Rules here are for a purpose of the test's own or for INSTAGRAM, which no other test uses, and are removed at the end.
 */
@QuarkusTest
class CompanyRulesResourceTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static ValidatableResponse badRequest(String path, String body, int status, String field) {
        return admin().body(body).post("/company-rules/" + path).then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void everyBadInputIsAProblemNamingTheField() {
        badRequest("caps", "{\"channel\":\"SMS\",\"maxTouches\":-1,\"windowDays\":7}", 400, "maxTouches");
        badRequest("caps", "{\"channel\":\"PIGEON\",\"maxTouches\":1,\"windowDays\":7}", 400, "channel");
        badRequest("caps", "{\"channel\":\"SMS\",\"maxTouches\":1,\"windowDays\":0}", 400, "windowDays");
        badRequest("caps", "{\"channel\":\"SMS\",\"windowDays\":7}", 400, "maxTouches");
        badRequest("caps", "{\"maxTouches\":1,\"windowDays\":7}", 400, "channel");
        badRequest("caps", "{\"purpose\":\"Not A Code\",\"maxTouches\":1,\"windowDays\":7}", 400, "purpose");
        badRequest("caps", "{\"purpose\":\"no-such-purpose\",\"maxTouches\":1,\"windowDays\":7}", 422, "purpose");
        badRequest("quiet-dates", "{\"name\":\"x\",\"startDate\":\"2026-12-26\",\"endDate\":\"2026-12-24\"}", 400, "endDate");
        badRequest("quiet-dates", "{\"name\":\"x\",\"startDate\":\"2026-13-01\",\"endDate\":\"2026-12-24\"}", 400, "startDate");
        badRequest("quiet-dates", "{\"startDate\":\"2026-12-24\",\"endDate\":\"2026-12-24\"}", 400, "name");
        badRequest("quiet-dates", "{\"name\":\"x\",\"startDate\":\"2026-12-24\",\"endDate\":\"2026-12-24\","
                + "\"fallbackTimeZone\":\"Mars/Olympus\"}", 400, "fallbackTimeZone");
        badRequest("quiet-hours", "{\"channel\":\"SMS\",\"start\":\"25:00\",\"end\":\"09:00\"}", 400, "start");
        badRequest("quiet-hours", "{\"channel\":\"SMS\",\"start\":\"20:00\",\"end\":\"20:00\"}", 400, "end");
        badRequest("quiet-hours", "{\"channel\":\"SMS\",\"start\":\"20:00\"}", 400, "end");
        badRequest("quiet-hours", "{\"channel\":\"FAX\",\"start\":\"20:00\",\"end\":\"09:00\"}", 400, "channel");
        badRequest("quiet-hours", "{\"channel\":\"SMS\",\"start\":\"20:00\",\"end\":\"09:00\",\"fallbackTimeZone\":\"Nowhere\"}",
                400, "fallbackTimeZone");
        admin().body("{\"channel\":\"SMS\",\"maxTouches\":1,\"windowDays\":7}").put("/company-rules/caps/" + UUID.randomUUID())
                .then().statusCode(400).body("errors.field", hasItem("version"));
        admin().body("{\"channel\":\"SMS\",\"maxTouches\":1,\"windowDays\":7,\"version\":0}")
                .put("/company-rules/caps/" + UUID.randomUUID()).then().statusCode(404);
        admin().delete("/company-rules/quiet-hours/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyAdminsChangeRulesAndStaffReadThem() {
        String cap = "{\"purpose\":\"" + purpose("roles", "CONSENT") + "\",\"maxTouches\":1,\"windowDays\":7}";
        for (String role : List.of("agent", "marketer", "analyst", "integration")) {
            as(role).body(cap).post("/company-rules/caps").then().statusCode(403);
            as(role).body("{\"name\":\"x\",\"startDate\":\"2026-12-24\",\"endDate\":\"2026-12-24\"}")
                    .post("/company-rules/quiet-dates").then().statusCode(403);
        }
        contact(UUID.randomUUID()).body(cap).post("/company-rules/caps").then().statusCode(403);
        for (String role : List.of("admin", "agent", "marketer", "analyst")) {
            as(role).get("/company-rules").then().statusCode(200).body("transactionalPurposes", hasItem("service"));
        }
        as("integration").get("/company-rules").then().statusCode(403);
        contact(UUID.randomUUID()).get("/company-rules").then().statusCode(403);
        as("analyst").get("/company-rules/changes").then().statusCode(200);
        as("marketer").get("/company-rules/changes").then().statusCode(403);
    }

    @Test
    void everyChangeIsAuditedWithWhoWhenBeforeAndAfter() {
        String code = purpose("audited", "CONSENT");
        String id = as("admin").body("{\"purpose\":\"" + code + "\",\"maxTouches\":2,\"windowDays\":30,\"note\":\"calm\"}")
                .post("/company-rules/caps").then().statusCode(201).body("version", equalTo(0))
                .body("updatedBy", equalTo("test-admin")).extract().path("id");
        admin().body("{\"purpose\":\"" + code + "\",\"maxTouches\":1,\"windowDays\":30,\"version\":0}")
                .put("/company-rules/caps/" + id).then().statusCode(200).body("version", equalTo(1)).body("maxTouches", equalTo(1));
        admin().body("{\"purpose\":\"" + code + "\",\"maxTouches\":3,\"windowDays\":30,\"version\":0}")
                .put("/company-rules/caps/" + id).then().statusCode(409);
        admin().body("{\"purpose\":\"" + code + "\",\"maxTouches\":5,\"windowDays\":3}").post("/company-rules/caps")
                .then().statusCode(409).body("type", startsWith("https://"));
        admin().get("/company-rules").then().body("caps.id", hasItem(id));
        admin().delete("/company-rules/caps/" + id).then().statusCode(204);
        admin().get("/company-rules").then().body("caps.id", not(hasItem(id)));

        JsonPath changes = as("analyst").queryParam("ruleId", id).get("/company-rules/changes").then().statusCode(200)
                .body("action", contains("DELETED", "UPDATED", "CREATED"))
                .body("ruleKind", contains("CAP", "CAP", "CAP"))
                .body("actor", contains("test-admin", "test-admin", "test-admin"))
                .body("changedAt", contains(notNullValue(), notNullValue(), notNullValue()))
                .extract().jsonPath();
        assertEquals(1, changes.getInt("[0].before.maxTouches"));
        assertEquals(null, (Object) changes.get("[0].after"));
        assertEquals(2, changes.getInt("[1].before.maxTouches"));
        assertEquals(1, changes.getInt("[1].after.maxTouches"));
        assertEquals(null, (Object) changes.get("[2].before"));
        assertEquals("calm", changes.getString("[2].after.note"));
        admin().queryParam("limit", 0).get("/company-rules/changes").then().statusCode(400);
    }

    @Test
    void aPurposeCapDeniesAndNamesTheRuleUntilRemoved() {
        String code = purpose("capped", "CONSENT");
        UUID person = UUID.randomUUID();
        addPoint(person, "SMS", "+33612345678", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        record(person, "GRANT", code, "SMS", "");
        String request = "{\"contactId\":\"" + person + "\",\"purpose\":\"" + code + "\",\"channel\":\"SMS\"}";
        String cap = admin().body("{\"purpose\":\"" + code + "\",\"channel\":\"SMS\",\"maxTouches\":1,\"windowDays\":7}")
                .post("/company-rules/caps").then().statusCode(201).extract().path("id");
        try {
            as("marketer").body(request).post("/outreach/requests").then().statusCode(201).body("status", equalTo("QUEUED"));
            as("marketer").body(request).post("/decisions").then().statusCode(200).body("allowed", equalTo(false))
                    .body("reasons.code", contains("company-purpose-cap")).body("reasons[0].ruleId", equalTo(cap));
            as("marketer").body(request).post("/outreach/requests").then().statusCode(201).body("status", equalTo("DENIED"))
                    .body("decision.reasons.code", contains("company-purpose-cap"));
        } finally {
            admin().delete("/company-rules/caps/" + cap).then().statusCode(204);
        }
        as("marketer").body(request).post("/decisions").then().statusCode(200).body("allowed", equalTo(true))
                .body("reasons", org.hamcrest.Matchers.empty());
    }

    @Test
    void quietDatesDeferOutreachToTheirEndAndTransactionalPurposesIgnoreThem() {
        String code = purpose("holiday", "CONSENT");
        UUID person = UUID.randomUUID();
        addPoint(person, "INSTAGRAM", "@someone", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
        record(person, "GRANT", code, "INSTAGRAM", "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String dates = admin().body("{\"name\":\"Holiday\",\"channel\":\"INSTAGRAM\",\"startDate\":\"" + today.minusDays(1)
                        + "\",\"endDate\":\"" + today.plusDays(1) + "\"}")
                .post("/company-rules/quiet-dates").then().statusCode(201).extract().path("id");
        String end = today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        try {
            String request = "{\"contactId\":\"" + person + "\",\"purpose\":\"" + code + "\",\"channel\":\"INSTAGRAM\"}";
            as("marketer").body(request).post("/decisions").then().statusCode(200).body("allowed", equalTo(false))
                    .body("reasons.code", contains("company-quiet-date")).body("reasons[0].ruleId", equalTo(dates))
                    .body("notBefore", equalTo(end));
            as("marketer").body(request).post("/outreach/requests").then().statusCode(201).body("status", equalTo("QUEUED"))
                    .body("decision.notBefore", equalTo(end));
            as("marketer").body("{\"contactId\":\"" + person + "\",\"purpose\":\"service\",\"channel\":\"INSTAGRAM\"}")
                    .post("/decisions").then().statusCode(200)
                    .body("reasons.code", not(hasItem("company-quiet-date"))).body("notBefore", nullValue());
        } finally {
            admin().delete("/company-rules/quiet-dates/" + dates).then().statusCode(204);
        }
    }

    @Test
    void bulkDecisionsWithCompanyCapsNeedAsManyStatementsForOneContactAsForMany() {
        String code = purpose("bulkcap", "CONSENT");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            addPoint(id, "EMAIL", "bulk" + i + "@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60));
            record(id, "GRANT", code, "EMAIL", "");
            ids.add(id);
        }
        as("marketer").body("{\"contactId\":\"" + ids.get(0) + "\",\"purpose\":\"" + code + "\",\"channel\":\"EMAIL\"}")
                .post("/outreach/requests").then().statusCode(201);
        String cap = admin().body("{\"purpose\":\"" + code + "\",\"maxTouches\":1,\"windowDays\":7}").post("/company-rules/caps")
                .then().statusCode(201).extract().path("id");
        Consumer<List<UUID>> decide = some -> as("marketer").contentType("application/x-ndjson").queryParam("purpose", code)
                .queryParam("channel", "EMAIL")
                .body(some.stream().map(UUID::toString).collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8))
                .post("/decisions/bulk").then().statusCode(200);
        try (StatementCount count = StatementCount.of(dbUrl, dbUser, dbPassword)) {
            String answer = as("marketer").contentType("application/x-ndjson").queryParam("purpose", code)
                    .queryParam("channel", "EMAIL").body((ids.get(0) + "\n" + ids.get(1)).getBytes(StandardCharsets.UTF_8))
                    .post("/decisions/bulk").then().statusCode(200).extract().asString();
            List<String> lines = answer.lines().toList();
            assertEquals(true, lines.get(0).contains("company-purpose-cap"), lines.get(0));
            assertEquals(true, lines.get(1).contains("\"allowed\":true"), lines.get(1));
            long one = count.min(3, () -> decide.accept(ids.subList(0, 1)));
            long many = count.min(3, () -> decide.accept(ids));
            assertEquals(one, many, "statements for 1 contact (" + one + ") and for " + ids.size());
        } finally {
            admin().delete("/company-rules/caps/" + cap).then().statusCode(204);
        }
    }
}

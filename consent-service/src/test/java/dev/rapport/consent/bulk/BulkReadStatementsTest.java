package dev.rapport.consent.bulk;

import static dev.rapport.consent.support.Api.agent;
import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.integration;
import static dev.rapport.consent.support.Api.pointEvent;
import static dev.rapport.consent.support.Api.purpose;
import static dev.rapport.consent.support.Api.record;

import dev.rapport.devstack.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every read a list of contacts needs answers 100 ids with as many SQL statements as it answers one (counted by
 * PostgreSQL, see {@link StatementCount}): consents, policies, the decisions, the newest ledger events and outreach.
 */
@QuarkusTest
class BulkReadStatementsTest {
    static final int MANY = 100;

    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static String newsletter;
    static List<UUID> ids;

    /** 100 contacts, each with an e-mail point and a grant; every tenth with a policy and an outreach request. */
    @BeforeEach
    void aPageOfContacts() {
        if (ids != null) {
            return; // made once for the class: the counts do not depend on what other tests wrote
        }
        newsletter = purpose("newsletter", "CONSENT");
        List<UUID> made = new ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < MANY; i++) {
            UUID id = UUID.randomUUID();
            made.add(id);
            batch.append(i == 0 ? "" : ",").append(pointEvent(UUID.randomUUID(), "ADDED", id, UUID.randomUUID(), "EMAIL",
                    "p" + i + "@example.org", "PROVIDED_BY_CONTACT", Instant.now().minusSeconds(60)).replaceAll("^\\[|\\]$", ""));
        }
        integration().body(batch.append("]").toString()).post("/contact-point-facts/events").then().statusCode(200);
        for (int i = 0; i < MANY; i++) {
            UUID id = made.get(i);
            record(id, "GRANT", newsletter, "EMAIL", "");
            if (i % 10 == 0) {
                agent().body("{\"maxTouches\":5}").put("/contacts/" + id + "/policy").then().statusCode(200);
                as("marketer").body("{\"contactId\":\"" + id + "\",\"purpose\":\"" + newsletter + "\"}").post("/outreach/requests")
                        .then().statusCode(201);
            }
        }
        ids = made;
    }

    void sameStatementsForOneAndForMany(String read, Consumer<List<UUID>> call) {
        StatementCount.assertSameForOneAndAll(dbUrl, dbUser, dbPassword, read, ids, 3, call);
    }

    static String csv(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    @Test
    void consents() {
        sameStatementsForOneAndForMany("GET /consents", some -> agent().queryParam("contactIds", csv(some)).get("/consents")
                .then().statusCode(200));
    }

    @Test
    void consentsAsOfAnInstant() {
        String at = Instant.now().toString();
        sameStatementsForOneAndForMany("GET /consents?at=", some -> agent().queryParam("contactIds", csv(some))
                .queryParam("at", at).get("/consents").then().statusCode(200));
    }

    @Test
    void policies() {
        sameStatementsForOneAndForMany("GET /policies", some -> agent().queryParam("contactIds", csv(some)).get("/policies")
                .then().statusCode(200));
    }

    @Test
    void decisions() {
        sameStatementsForOneAndForMany("POST /decisions/bulk", some -> as("marketer").contentType("application/x-ndjson")
                .queryParam("purpose", newsletter).queryParam("channel", "EMAIL")
                .body(some.stream().map(UUID::toString).collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8))
                .post("/decisions/bulk").then().statusCode(200));
    }

    @Test
    void newestLedgerEvents() {
        sameStatementsForOneAndForMany("GET /by-contact/consent-events", some -> agent().queryParam("contactIds", csv(some))
                .get("/by-contact/consent-events").then().statusCode(200));
    }

    @Test
    void outreachRequests() {
        sameStatementsForOneAndForMany("GET /by-contact/outreach-requests", some -> agent().queryParam("contactIds", csv(some))
                .get("/by-contact/outreach-requests").then().statusCode(200));
    }
}

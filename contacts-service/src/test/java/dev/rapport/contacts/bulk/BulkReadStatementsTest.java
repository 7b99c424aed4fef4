package dev.rapport.contacts.bulk;

import static dev.rapport.contacts.support.Api.agent;

import dev.rapport.contacts.support.Fixtures;
import dev.rapport.devstack.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every read a list of contacts needs answers 100 ids with as many SQL statements as it answers one (counted by
 * PostgreSQL, see {@link StatementCount}; the outbox relay polls meanwhile, so each count is the smallest of five).
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

    static List<String> ids;

    /** 100 contacts with an e-mail each; every tenth with a purchase, a page view and a follow-up due. */
    @BeforeEach
    void aPageOfContacts() {
        if (ids != null) {
            return; // made once for the class: the counts do not depend on what other tests wrote
        }
        List<String> made = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < MANY; i++) {
            String id = Fixtures.contact("owner-" + (i % 3));
            made.add(id);
            if (i % 10 == 0) {
                Fixtures.purchase(id, now.minus(3, ChronoUnit.DAYS), "120.00", "EUR");
                Fixtures.event(id, "PAGE_VIEW", now.minus(1, ChronoUnit.DAYS));
                agent().body("{\"dueOn\":\"" + LocalDate.now().minusDays(1) + "\",\"topic\":\"call back\",\"statedBy\":\"CONTACT\"}")
                        .post("/contacts/" + id + "/follow-ups").then().statusCode(201);
            }
        }
        ids = made;
    }

    void sameStatementsForOneAndForMany(String read, Consumer<List<String>> call) {
        StatementCount.assertSameForOneAndAll(dbUrl, dbUser, dbPassword, read, ids, 5, call);
    }

    void get(String path, String param) {
        sameStatementsForOneAndForMany("GET " + path, some -> agent().queryParam(param, String.join(",", some)).get(path)
                .then().statusCode(200));
    }

    @Test
    void contacts() {
        get("/contacts", "ids");
    }

    @Test
    void contactPoints() {
        get("/contact-points", "contactIds");
    }

    @Test
    void values() {
        get("/values", "contactIds");
    }

    @Test
    void leadScores() {
        get("/lead-scores", "contactIds");
    }

    @Test
    void signals() {
        get("/by-contact/signals", "contactIds");
    }

    @Test
    void followUps() {
        get("/by-contact/follow-ups", "contactIds");
    }

    @Test
    void interactions() {
        get("/by-contact/interactions", "contactIds");
    }
}

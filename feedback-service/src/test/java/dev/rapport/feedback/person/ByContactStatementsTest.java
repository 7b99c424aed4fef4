package dev.rapport.feedback.person;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.analyst;
import static dev.rapport.feedback.support.Api.marketer;

import dev.rapport.devstack.testing.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /by-contact/*} read answers 100 ids with as many SQL statements as it answers one (counted by
 * PostgreSQL, see {@link StatementCount}; a background retry job may poll meanwhile, so each count is the smallest
 * of five).
 */
@QuarkusTest
class ByContactStatementsTest {
    static final int MANY = 100;

    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    static List<String> ids;

    /** 100 ids: every tenth a person with something of everything, the others people feedback-service never met. */
    @BeforeEach
    void aPageOfContacts() {
        if (ids != null) {
            return;
        }
        List<String> made = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            made.add(i % 10 == 0 ? Person.withEverything().id.toString() : UUID.randomUUID().toString());
        }
        ids = made;
    }

    void sameStatementsForOneAndForMany(String path, Supplier<RequestSpecification> as) {
        Consumer<List<String>> call = some -> as.get().queryParam("contactIds", String.join(",", some)).get(path)
                .then().statusCode(200);
        StatementCount.assertSameForOneAndAll(dbUrl, dbUser, dbPassword, "GET " + path, ids, 5, call);
    }

    @Test
    void cases() {
        sameStatementsForOneAndForMany("/by-contact/cases", () -> agent());
    }

    @Test
    void invitations() {
        sameStatementsForOneAndForMany("/by-contact/invitations", () -> marketer());
    }

    @Test
    void followUps() {
        sameStatementsForOneAndForMany("/by-contact/follow-ups", () -> marketer());
    }

    @Test
    void ratings() {
        sameStatementsForOneAndForMany("/by-contact/ratings", () -> analyst());
    }

    @Test
    void responses() {
        sameStatementsForOneAndForMany("/by-contact/responses", () -> analyst());
    }

    @Test
    void renewalScores() {
        sameStatementsForOneAndForMany("/by-contact/renewal-scores", () -> analyst());
    }
}

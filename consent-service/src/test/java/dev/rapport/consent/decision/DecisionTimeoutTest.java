package dev.rapport.consent.decision;

import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.purpose;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A decision the database cannot serve in time (here: a table the decision reads is locked by someone else) is
 * answered 503 with Retry-After within rapport.consent.decision.timeout, not left hanging; once the database answers
 * again, so does the decision.
 */
@QuarkusTest
class DecisionTimeoutTest {
    @ConfigProperty(name = "rapport.db.url")
    String dbUrl;
    @ConfigProperty(name = "rapport.db.username")
    String dbUser;
    @ConfigProperty(name = "rapport.db.password")
    String dbPassword;

    @Test
    void aDecisionTheDatabaseCannotServeInTimeIsA503WithRetryAfter() throws Exception {
        String newsletter = purpose("newsletter", "CONSENT");
        String body = "{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"" + newsletter + "\",\"channel\":\"EMAIL\"}";
        try (Connection c = DriverManager.getConnection("jdbc:" + dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("lock table decision_inputs in access exclusive mode");
            long start = System.nanoTime();
            as("agent").body(body).post("/decisions").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", endsWith("/decision-timeout"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 10_000, "answered after " + tookMs + " ms");
            c.rollback();
        }
        as("agent").body(body).post("/decisions").then().statusCode(200).body("allowed", equalTo(false));
    }
}

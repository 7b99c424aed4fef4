package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class SubjectRightsTest {
    static final String ADMIN = Tokens.forRoles("root", "admin");

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void erasureReportsPerServiceAndNeverClaimsWhatItDidNotGet() {
        Stubs.contacts.on("POST", "/contacts/([^/]+)/erasure", r -> new StubService.Answer(204, null, null));
        Stubs.consent.on("POST", "/contacts/([^/]+)/erasure", r -> new StubService.Answer(503, null, null));
        // feedback-service has no erasure endpoint: the stub answers 404

        JsonPath answer = GraphQL.query(ADMIN, "mutation { erasePerson(contactId: \"c-1\") { erased services { service status } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.erasePerson.erased"));
        assertEquals("[ERASED, FAILED, NOT_SUPPORTED]", answer.getList("data.erasePerson.services.status").toString());
        long consentAttempts = Stubs.consent.calls().stream().filter(c -> c.path().endsWith("/erasure")).count();
        assertEquals(4, consentAttempts, "the first attempt and three retries");
    }

    @Test
    void exportGathersEveryServiceAndSaysWhenOneIsMissing() {
        Stubs.feedback.failing();
        JsonPath answer = GraphQL.query(ADMIN, "{ exportPersonalData(contactId: \"c-1\") { complete services { service complete data error } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.exportPersonalData.complete"));
        assertTrue(answer.getBoolean("data.exportPersonalData.services[0].complete"));
        assertTrue(answer.getString("data.exportPersonalData.services[0].data").contains("c-1@example.com"));
        assertTrue(answer.getString("data.exportPersonalData.services[1].data").contains("GRANTED"));
        assertFalse(answer.getBoolean("data.exportPersonalData.services[2].complete"));
        assertEquals("feedback-service is unavailable", answer.getString("data.exportPersonalData.services[2].error"));
    }

    @Test
    void aContactExportsOnlyItself() {
        JsonPath answer = GraphQL.query(Tokens.forContact("c-ada"), "{ exportPersonalData(contactId: \"c-bob\") { complete } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
    }
}

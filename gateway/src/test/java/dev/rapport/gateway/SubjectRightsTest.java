package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
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
        Stubs.contacts.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{\"contactId\":\"01980000-0000-7000-8000-000000000001\"}"));
        Stubs.consent.on("POST", "/contacts/([^/]+)/erasure", r -> new StubService.Answer(503, null, null));
        Stubs.feedback.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{\"contactId\":\"01980000-0000-7000-8000-000000000001\"}"));

        JsonPath answer = GraphQL.query(ADMIN, "mutation { erasePerson(contactId: \"01980000-0000-7000-8000-000000000001\") { erased services { service status } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.erasePerson.erased"));
        assertEquals("[ERASED, FAILED, ERASED]", answer.getList("data.erasePerson.services.status").toString());
        assertEquals(1, Stubs.contacts.calls().stream().filter(c -> c.path().equals("/contacts/01980000-0000-7000-8000-000000000001/erasure")).count());
        assertEquals(1, Stubs.feedback.calls().stream().filter(c -> c.path().equals("/contacts/01980000-0000-7000-8000-000000000001/erasure")).count());
        long consentAttempts = Stubs.consent.calls().stream().filter(c -> c.path().endsWith("/erasure")).count();
        assertEquals(4, consentAttempts, "the first attempt and three retries");
    }

    @Test
    void anIdThatCannotNameAnyoneIsRefusedBeforeAnyServiceIsAsked() {
        JsonPath answer = GraphQL.query(ADMIN, "mutation { erasePerson(contactId: \"../../x\") { erased } }");

        assertEquals("invalid-input", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertNull(answer.get("data.erasePerson"));
        assertTrue(Stubs.contacts.calls().isEmpty() && Stubs.consent.calls().isEmpty() && Stubs.feedback.calls().isEmpty());
    }

    @Test
    void aServiceThatWasDownIsRetriedAndErasureSucceedsOnlyWhenEveryServiceConfirms() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        Stubs.contacts.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{}"));
        Stubs.consent.on("POST", "/contacts/([^/]+)/erasure", r -> attempts.incrementAndGet() < 3
                ? new StubService.Answer(503, null, null) : StubService.Answer.json("{}"));
        Stubs.feedback.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{}"));

        JsonPath answer = GraphQL.query(ADMIN, "mutation { erasePerson(contactId: \"01980000-0000-7000-8000-000000000002\") { erased services { service status } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertTrue(answer.getBoolean("data.erasePerson.erased"));
        assertEquals("[ERASED, ERASED, ERASED]", answer.getList("data.erasePerson.services.status").toString());
        assertEquals(3, attempts.get());
    }

    @Test
    void aServiceThatKnowsNoSuchPersonHoldsNothing() {
        Stubs.contacts.on("POST", "/contacts/([^/]+)/erasure", r -> r.path().group(1).endsWith("ffff")
                ? StubService.Answer.problem(404, "https://rapport.dev/problems/not-found", "Contact does not exist", "id")
                : StubService.Answer.json("{}"));
        Stubs.consent.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{}"));
        Stubs.feedback.on("POST", "/contacts/([^/]+)/erasure", r -> StubService.Answer.json("{}"));

        JsonPath answer = GraphQL.query(ADMIN, "mutation { erasePerson(contactId: \"01980000-0000-7000-8000-00000000ffff\") { erased services { status } } }");

        assertEquals("[NOTHING_HELD, ERASED, ERASED]", answer.getList("data.erasePerson.services.status").toString(),
                answer::prettify);
        assertTrue(answer.getBoolean("data.erasePerson.erased"));
    }

    @Test
    void onlyAnAdminErases() {
        JsonPath answer = GraphQL.query(Tokens.forContact("c-ada"), "mutation { erasePerson(contactId: \"c-ada\") { erased } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().endsWith("/erasure")));
    }

    @Test
    void exportGathersEveryServiceAndSaysWhenOneIsMissing() {
        Stubs.feedback.failing();
        JsonPath answer = GraphQL.query(ADMIN, "{ exportPersonalData(contactId: \"01980000-0000-7000-8000-000000000001\") { complete services { service complete data error } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertFalse(answer.getBoolean("data.exportPersonalData.complete"));
        assertTrue(answer.getBoolean("data.exportPersonalData.services[0].complete"));
        assertTrue(answer.getString("data.exportPersonalData.services[0].data").contains("01980000-0000-7000-8000-000000000001@example.com"));
        assertEquals(List.of("/contacts/01980000-0000-7000-8000-000000000001/data-export"), Stubs.contacts.calls().stream().map(StubService.Call::path).toList());
        assertTrue(answer.getString("data.exportPersonalData.services[1].data").contains("GRANTED"));
        assertFalse(answer.getBoolean("data.exportPersonalData.services[2].complete"));
        assertEquals("feedback-service is unavailable", answer.getString("data.exportPersonalData.services[2].error"));
    }

    @Test
    void theExportIsEachServicesOwnDocument() {
        JsonPath answer = GraphQL.query(ADMIN, "{ exportPersonalData(contactId: \"01980000-0000-7000-8000-000000000003\") { complete services { service complete data } } }");

        assertNull(answer.get("errors"), answer::prettify);
        assertTrue(answer.getBoolean("data.exportPersonalData.complete"));
        assertEquals("[contacts-service, consent-service, feedback-service]",
                answer.getList("data.exportPersonalData.services.service").toString());
        assertTrue(answer.getString("data.exportPersonalData.services[2].data").contains("\"problem\":\"bill\""));
        assertEquals(1, Stubs.feedback.calls().size());
    }

    @Test
    void aContactExportsOnlyItself() {
        JsonPath answer = GraphQL.query(Tokens.forContact("c-ada"), "{ exportPersonalData(contactId: \"c-bob\") { complete } }");
        assertEquals("forbidden", answer.getString("errors[0].extensions.code"), answer::prettify);
    }
}

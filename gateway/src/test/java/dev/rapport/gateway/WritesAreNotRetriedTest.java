package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.testing.GraphQL;
import dev.rapport.gateway.testing.StubService;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * A write that takes longer than a read may is waited for, and never sent twice: feedback-service skips people already
 * invited, so a second call would answer 0 although the first invited everyone.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class WritesAreNotRetriedTest {
    static final String MARKETER = Tokens.forRoles("mia", "marketer");

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
        breakers.resetAll();
    }

    @Test
    void aSlowInvitationIsAnsweredOnceWithWhatTheFirstCallRecorded() {
        AtomicInteger calls = new AtomicInteger();
        Stubs.feedback.on("POST", "/consultations/([^/]+)/invitations",
                r -> StubService.Answer.json("{\"invited\":" + (calls.getAndIncrement() == 0 ? 1000 : 0) + "}"));
        // slower than the 3 s a read may take in tests
        Stubs.feedback.slow(4000);

        JsonPath answer = GraphQL.query(MARKETER, """
                mutation($id: ID!) { inviteToConsultation(consultationId: $id, input: {audience: [{contactId: "c-1"}]}) }""",
                Map.of("id", "00000000-0000-7000-8000-000000000001"));

        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(1000, answer.getInt("data.inviteToConsultation"));
        assertEquals(1, Stubs.feedback.calls().stream().filter(c -> c.method().equals("POST")).count());
    }
}

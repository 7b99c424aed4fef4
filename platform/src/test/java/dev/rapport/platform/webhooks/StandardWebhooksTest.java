package dev.rapport.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
    // the example of the Standard Webhooks reference libraries' tests
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsLikeTheReferenceLibraries() {
        assertEquals(EXPECTED, StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void verifiesAnyOfSeveralSignaturesWithinTheTolerance() {
        String ts = Long.toString(TIMESTAMP);
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertTrue(StandardWebhooks.verify(SECRET, ID, ts, EXPECTED, BODY, THEN, fiveMinutes));
        assertTrue(StandardWebhooks.verify(SECRET, ID, ts, "v1,bm9wZQ== " + EXPECTED, BODY, THEN.plusSeconds(299), fiveMinutes));
        assertFalse(StandardWebhooks.verify(SECRET, ID, ts, EXPECTED, BODY + " ", THEN, fiveMinutes), "body changed");
        assertFalse(StandardWebhooks.verify(SECRET, "msg_other", ts, EXPECTED, BODY, THEN, fiveMinutes), "id changed");
        assertFalse(StandardWebhooks.verify(SECRET, ID, ts, EXPECTED, BODY, THEN.plusSeconds(301), fiveMinutes), "too old");
        assertFalse(StandardWebhooks.verify(SECRET, ID, ts, EXPECTED, BODY, THEN.minusSeconds(301), fiveMinutes), "from the future");
        assertFalse(StandardWebhooks.verify(SECRET, ID, "soon", EXPECTED, BODY, THEN, fiveMinutes));
        assertFalse(StandardWebhooks.verify(StandardWebhooks.newSecret(), ID, ts, EXPECTED, BODY, THEN, fiveMinutes), "other key");
    }

    @Test
    void generatedSecretsAreWellFormedAndDistinct() {
        String a = StandardWebhooks.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNull(StandardWebhooks.secretProblem(a));
        assertFalse(a.equals(StandardWebhooks.newSecret()));
    }

    @Test
    void namesWhatIsWrongWithAGivenSecret() {
        assertEquals("must start with whsec_", StandardWebhooks.secretProblem("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals("is not base64 after whsec_", StandardWebhooks.secretProblem("whsec_not base64!"));
        assertEquals("must encode 24 to 64 bytes, this one encodes 3", StandardWebhooks.secretProblem("whsec_YWJj"));
        assertNull(StandardWebhooks.secretProblem(SECRET));
    }
}

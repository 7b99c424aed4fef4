package dev.rapport.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1),
            Duration.ofHours(24), 0.2);

    @ParameterizedTest(name = "after {0} failure(s), random {1}: {2} ms")
    @CsvSource({
            "1, 0, 5000",
            "2, 0, 10000",
            "3, 0, 20000",
            "10, 0, 2560000",
            "11, 0, 3600000",   // capped at max
            "500, 0, 3600000",  // no overflow however many
            "1, 0.5, 4500",     // jitter shortens by up to 20 %
            "11, 0.999999, 2880001",
    })
    void doublesFromInitialUpToMaxWithJitter(int failures, double random, long expectedMillis) {
        assertEquals(expectedMillis, DEFAULT.delayAfter(failures, random).toMillis());
    }

    @Test
    void exhaustedOnceTheRetryPeriodHasPassedSinceTheFirstFailure() {
        Instant first = Instant.parse("2026-12-06T00:00:00Z");
        assertFalse(DEFAULT.exhausted(null, first));
        assertFalse(DEFAULT.exhausted(first, first.plus(Duration.ofHours(24)).minusMillis(1)));
        assertTrue(DEFAULT.exhausted(first, first.plus(Duration.ofHours(24))));
    }

    @Test
    void aScheduleOverTwentyFourHoursTriesAboutThirtyTimes() {
        long elapsed = 0;
        int tries = 0;
        while (elapsed < Duration.ofHours(24).toMillis()) {
            elapsed += DEFAULT.delayAfter(++tries, 0).toMillis();
        }
        assertEquals(33, tries);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(1), 2));
    }
}

package dev.rapport.consent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.DecisionFacts.Touch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A decision now counts the touches of a cap's window from the projection's touch list in Java, as the history
 * statement counts them in SQL: after the window's start ({@code days} of 24 hours before the instant), not after the
 * instant. DecisionPathsAgreeTest checks the two paths agree on random histories; this pins the edges.
 */
class TouchWindowTest {
    private static final Instant AT = Instant.parse("2026-03-29T01:30:00Z"); // a DST change in Europe: days stay 24 h

    @ParameterizedTest(name = "touch {0} before, window {1} days: counted {2}")
    @CsvSource({
            "PT0S,        30, true",    // at the instant itself
            "PT1S,        30, true",
            "P30D,        30, false",   // exactly at the window's start: outside
            "P29DT23H59M, 30, true",
            "P1D,         1,  false",
            "PT23H,       1,  true",
            "-PT1S,       30, false",   // after the instant: not yet
            "P366D,       366, false",
            "P365D,       366, true"})
    void aTouchCountsWhenItIsInsideTheWindow(String before, int days, boolean counted) {
        Touch touch = new Touch(Channel.EMAIL, "newsletter", AT.minus(Duration.parse(before)));
        assertEquals(counted ? 1 : 0, DecisionQueries.count(List.of(touch), AT, days));
        assertEquals(counted ? List.of(touch) : List.of(), DecisionQueries.within(List.of(touch), AT, days));
    }
}

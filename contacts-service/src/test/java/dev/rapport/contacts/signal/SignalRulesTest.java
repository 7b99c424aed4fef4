package dev.rapport.contacts.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rapport.contacts.signal.SignalRules.Due;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The signal rules as plain Java, one table of cases (the same table {@link SignalRulesAgreeTest} runs through the SQL). */
class SignalRulesTest {
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    static Stream<SignalCases.Case> cases() {
        return SignalCases.all(NOW).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRulesSayWhatIsDue(SignalCases.Case c) {
        assertEquals(c.due(), SignalRules.due(c.facts(), SignalCases.DEFAULTS, NOW).stream().map(Due::kind)
                .collect(Collectors.toSet()));
    }

    @Test
    void eachSignalSaysSinceWhen() {
        Map<String, SignalCases.Case> byName = SignalCases.all(NOW).stream().collect(Collectors.toMap(SignalCases.Case::name, c -> c));
        assertEquals(List.of(new Due(SignalKind.SPEND_THRESHOLD, NOW.minus(Duration.ofDays(60)), "")),
                SignalRules.due(byName.get("crossed, fell below, crossed again: since the first crossing").facts(),
                        SignalCases.DEFAULTS, NOW).stream().filter(d -> d.kind() == SignalKind.SPEND_THRESHOLD).toList(),
                "1500 crossed at once; the refund and the later purchase do not move it");
        assertEquals(NOW.minus(Duration.ofDays(5)), only(byName.get("regular buyer past 1.5x their interval")).since(),
                "the last purchase plus 15 days");
        assertEquals(NOW.minus(Duration.ofDays(26)), only(byName.get("five opens without a click, then silence")).since(),
                "the last event plus 30 days");
        assertEquals(Instant.parse("2026-06-14T00:00:00Z"), only(byName.get("a follow-up due yesterday")).since());
        assertEquals(NOW.minus(Duration.ofDays(110)), only(byName.get("valuable, never thanked")).since(),
                "the first purchase plus 90 days");
    }

    private static Due only(SignalCases.Case c) {
        List<Due> due = SignalRules.due(c.facts(), SignalCases.DEFAULTS, NOW);
        assertEquals(1, due.size(), due::toString);
        return due.get(0);
    }
}

package dev.rapport.feedback.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The renewal report per score tier, without a database: counts in, rates and lift out. */
class RenewalTiersTest {

    /** Expected for one tier: renewal rate, early rate, lift (null when undefined). */
    record Expect(int tier, String rate, String early, String lift) {
    }

    record Case(String name, List<RenewalTiers.Counts> counts, String overall, List<Expect> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a score that predicts: the high tier renews more, lift above 1",
                        List.of(new RenewalTiers.Counts(1, 10, 0, 2, 8, 0), new RenewalTiers.Counts(5, 10, 8, 1, 1, 0)),
                        "55.0", List.of(new Expect(1, "20.0", "0.0", "0.36"), new Expect(5, "90.0", "80.0", "1.64"),
                                new Expect(3, null, null, null))),
                new Case("undecided members count in the denominator",
                        List.of(new RenewalTiers.Counts(4, 4, 1, 1, 0, 2)),
                        "50.0", List.of(new Expect(4, "50.0", "25.0", "1.00"))),
                new Case("nobody renewed: rates zero, lift undefined",
                        List.of(new RenewalTiers.Counts(2, 3, 0, 0, 3, 0)),
                        "0.0", List.of(new Expect(2, "0.0", "0.0", null))),
                new Case("no members at all: every rate undefined", List.of(),
                        null, List.of(new Expect(1, null, null, null), new Expect(5, null, null, null))),
                new Case("rounding to one decimal, half up", List.of(new RenewalTiers.Counts(3, 3, 1, 1, 1, 0)),
                        "66.7", List.of(new Expect(3, "66.7", "33.3", "1.00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratesPerTier(Case c) {
        RenewalReport report = RenewalTiers.report(UUID.randomUUID(), "2026", c.counts(), 7);
        assertEquals(5, report.tiers().size(), "tiers 1-5 always");
        assertEquals(7, report.unscoredMembers());
        assertEquals(dec(c.overall()), report.total().renewalRate(), "overall");
        assertEquals(c.counts().stream().mapToLong(RenewalTiers.Counts::members).sum(), report.total().members());
        for (Expect e : c.expected()) {
            TierRow row = report.tiers().get(e.tier() - 1);
            assertEquals(e.tier(), row.tier());
            assertEquals(dec(e.rate()), row.renewalRate(), "renewal rate of tier " + e.tier());
            assertEquals(dec(e.early()), row.earlyRenewalRate(), "early rate of tier " + e.tier());
            assertEquals(dec(e.lift()), row.lift(), "lift of tier " + e.tier());
        }
    }
}

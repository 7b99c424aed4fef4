package dev.rapport.feedback.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The renewal report's arithmetic, free of I/O: per-tier counts in, rates and lift per tier and overall out. */
final class RenewalTiers {
    private RenewalTiers() {
    }

    /** What PostgreSQL counts for one score tier (members placed by their latest score of the period). */
    record Counts(int score, long members, long early, long renewed, long lapsed, long undecided) {
    }

    /** Tiers 1–5 always (a tier without members has zero counts and null rates), then the whole programme. */
    static RenewalReport report(UUID programmeId, String period, List<Counts> counted, long unscoredMembers) {
        long members = 0;
        long early = 0;
        long renewed = 0;
        long lapsed = 0;
        long undecided = 0;
        for (Counts c : counted) {
            members += c.members();
            early += c.early();
            renewed += c.renewed();
            lapsed += c.lapsed();
            undecided += c.undecided();
        }
        BigDecimal overall = percent(early + renewed, members);
        List<TierRow> tiers = new ArrayList<>();
        for (int tier = 1; tier <= 5; tier++) {
            Counts c = new Counts(tier, 0, 0, 0, 0, 0);
            for (Counts r : counted) {
                if (r.score() == tier) {
                    c = r;
                }
            }
            tiers.add(row(tier, c.members(), c.early(), c.renewed(), c.lapsed(), c.undecided(), overall));
        }
        return new RenewalReport(programmeId, period, RenewalReport.DEFINITION, tiers,
                row(null, members, early, renewed, lapsed, undecided, overall), unscoredMembers);
    }

    private static TierRow row(Integer tier, long members, long early, long renewed, long lapsed, long undecided, BigDecimal overall) {
        BigDecimal rate = percent(early + renewed, members);
        BigDecimal lift = rate == null || overall == null || overall.signum() == 0 ? null
                : rate.divide(overall, 2, RoundingMode.HALF_UP);
        return new TierRow(tier, members, early, renewed, lapsed, undecided, rate, percent(early, members), lift);
    }

    /** part / whole × 100 with one decimal; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}

package dev.rapport.feedback.renewal;

import dev.rapport.platform.csv.Csv;

/** The tier report as a spreadsheet reads it: tiers 1–5, then the whole programme, then the members with no score. */
public final class RenewalReportCsv {
    static final Object[] HEADER = {"tier", "members", "renewedEarly", "renewed", "lapsed", "undecided", "renewalRate",
            "earlyRenewalRate", "lift"};

    private RenewalReportCsv() {
    }

    public static String of(RenewalReport report) {
        StringBuilder b = new StringBuilder(Csv.row(HEADER));
        for (TierRow t : report.tiers()) {
            b.append(row(String.valueOf(t.tier()), t));
        }
        b.append(row("total", report.total()));
        b.append(Csv.row("unscored", report.unscoredMembers(), null, null, null, null, null, null, null));
        return b.toString();
    }

    private static String row(String tier, TierRow t) {
        return Csv.row(tier, t.members(), t.renewedEarly(), t.renewed(), t.lapsed(), t.undecided(), t.renewalRate(),
                t.earlyRenewalRate(), t.lift());
    }
}

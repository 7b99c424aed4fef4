package dev.rapport.feedback.renewal;

import java.util.List;
import java.util.UUID;

/** Renewal and early-renewal rate per score tier: the table that shows whether the score predicts. */
public record RenewalReport(UUID programmeId, String period, String definition, List<TierRow> tiers, TierRow total,
        long unscoredMembers) {

    public static final String DEFINITION = "Members are placed in the tier of their latest score for the period. Rates are "
            + "percentages of the tier's members: renewalRate = (renewedEarly + renewed) / members, earlyRenewalRate = "
            + "renewedEarly / members; undecided members count in the denominator.";
}

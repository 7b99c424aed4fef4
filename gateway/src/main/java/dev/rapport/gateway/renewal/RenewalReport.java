package dev.rapport.gateway.renewal;

import java.math.BigDecimal;
import java.util.List;

import dev.rapport.gateway.common.Shares;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Description("Renewal and early-renewal rate per score tier for one period: the table that shows whether the score predicts.")
public record RenewalReport(@Id String programmeId, String period, @Description("How the rates are computed") String definition,
        List<TierRow> tiers, @Description("The whole programme (tier null)") TierRow total, long unscoredMembers) {

    /** The report with its shares (0–1) beside the counts, as every report of the graph speaks. */
    public RenewalReport withShares() {
        return new RenewalReport(programmeId, period, definition, tiers == null ? null : tiers.stream().map(TierRow::withShares).toList(),
                total == null ? null : total.withShares(), unscoredMembers);
    }

    @Name("RenewalTierRow")
    @Description("One score tier (1–5; null = the whole programme): counts, and shares of the members (0–1).")
    public record TierRow(Integer tier, long members, long renewedEarly, long renewed, long lapsed,
            @Description("No outcome recorded yet") long undecided,
            @Description("Percent with one decimal; use renewalShare (0–1) like every other report") BigDecimal renewalRate,
            @Description("Percent with one decimal; use earlyRenewalShare (0–1)") BigDecimal earlyRenewalRate,
            @Description("This tier's renewal rate / the programme's: above 1 means the score points the right way") BigDecimal lift,
            @Description("(renewedEarly + renewed) / members, 0–1 with 4 decimals; null without members") BigDecimal renewalShare,
            @Description("renewedEarly / members, 0–1 with 4 decimals; null without members") BigDecimal earlyRenewalShare) {

        TierRow withShares() {
            return new TierRow(tier, members, renewedEarly, renewed, lapsed, undecided, renewalRate, earlyRenewalRate, lift,
                    Shares.of(renewedEarly + renewed, members), Shares.of(renewedEarly, members));
        }
    }
}

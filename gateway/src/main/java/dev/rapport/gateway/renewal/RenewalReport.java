package dev.rapport.gateway.renewal;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Description("Renewal and early-renewal rate per score tier for one period: the table that shows whether the score predicts.")
public record RenewalReport(String programmeId, String period, @Description("How the rates are computed") String definition,
        List<TierRow> tiers, @Description("The whole programme (tier null)") TierRow total, long unscoredMembers) {

    @Name("RenewalTierRow")
    @Description("One score tier (1–5; null = the whole programme). Rates are percentages with one decimal.")
    public record TierRow(Integer tier, long members, long renewedEarly, long renewed, long lapsed,
            @Description("No outcome recorded yet") long undecided, BigDecimal renewalRate, BigDecimal earlyRenewalRate,
            @Description("This tier's renewal rate / the programme's: above 1 means the score points the right way") BigDecimal lift) {
    }
}

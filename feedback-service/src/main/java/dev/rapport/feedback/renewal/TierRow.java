package dev.rapport.feedback.renewal;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TierRow(
        @Schema(description = "Propensity score 1–5 (latest score of the period); null row = the whole programme") Integer tier,
        long members,
        long renewedEarly,
        @Schema(description = "Renewed after the early window") long renewed,
        long lapsed,
        @Schema(description = "No outcome recorded yet") long undecided,
        @Schema(description = "(renewedEarly + renewed) / members × 100, one decimal", example = "91.3") BigDecimal renewalRate,
        @Schema(description = "renewedEarly / members × 100, one decimal", example = "83.7") BigDecimal earlyRenewalRate,
        @Schema(description = "This tier's renewal rate / the programme's: above 1 means the score points the right way") BigDecimal lift) {
}

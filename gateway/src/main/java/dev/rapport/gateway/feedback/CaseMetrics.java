package dev.rapport.gateway.feedback;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

@Description("Outcome metrics over the cases opened in [from, to). Resolved means confirmed by the customer.")
public record CaseMetrics(Instant from, Instant to, long opened,
        @Description("Resolved and confirmed by the customer") long resolvedAndConfirmed,
        @Description("resolvedAndConfirmed / opened") BigDecimal shareResolvedAndConfirmed,
        @Description("Marked resolved by staff, not (yet) confirmed: not counted as resolved") long awaitingConfirmation,
        long open,
        @Description("Median hours from opening to the resolution the customer confirmed") BigDecimal medianHoursToConfirmedResolution,
        BigDecimal p90HoursToConfirmedResolution,
        @Description("Cases reopened at least once / cases ever marked resolved") BigDecimal reopenRate,
        @Description("Confirmed, resolved on first contact and never reopened / opened") BigDecimal firstContactResolutionRate,
        long firstContactResolutions) {
}

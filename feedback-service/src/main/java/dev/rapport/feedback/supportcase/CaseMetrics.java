package dev.rapport.feedback.supportcase;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome metrics over the cases opened in [from, to). Resolved means confirmed by the customer. */
public record CaseMetrics(
        Instant from,
        Instant to,
        long opened,
        @Schema(description = "Resolved and confirmed by the customer") long resolvedAndConfirmed,
        @Schema(description = "resolvedAndConfirmed / opened") BigDecimal shareResolvedAndConfirmed,
        @Schema(description = "Marked resolved by staff, not (yet) confirmed: not counted as resolved") long awaitingConfirmation,
        long open,
        @Schema(description = "Median hours from opening to the resolution the customer confirmed") BigDecimal medianHoursToConfirmedResolution,
        BigDecimal p90HoursToConfirmedResolution,
        @Schema(description = "Cases reopened at least once / cases ever marked resolved") BigDecimal reopenRate,
        @Schema(description = "Confirmed, resolved on first contact and never reopened / opened") BigDecimal firstContactResolutionRate,
        long firstContactResolutions) {
}

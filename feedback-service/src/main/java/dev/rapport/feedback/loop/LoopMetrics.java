package dev.rapport.feedback.loop;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the loop was closed: who heard back, how fast, whether they agreed, and what is still open. */
public record LoopMetrics(
        UUID consultationId,
        long respondents,
        @Schema(description = "Named respondents plus anonymous ones who left a reply channel") long reachableRespondents,
        @Schema(description = "Respondents told (outreach accepted) what became of every initiative they rated") long answeredOnEverything,
        @Schema(description = "answeredOnEverything / respondents") BigDecimal shareAnswered,
        @Schema(description = "answeredOnEverything / reachableRespondents") BigDecimal shareOfReachableAnswered,
        @Schema(description = "Median hours from a response to the answer on one of its initiatives") BigDecimal medianHoursToAnswer,
        @Schema(description = "90th percentile of the same") BigDecimal p90HoursToAnswer,
        @Schema(description = "\"Why not\" threads waiting for staff") long openThreads,
        @Schema(description = "Threads staff answered, waiting for the person") long answeredThreads,
        long closedThreads,
        List<InitiativeAgreement> initiatives) {
}

package dev.rapport.gateway.feedback;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;

@Description("Did we close the loop: share of participants answered, time to answer, threads open and closed.")
public record LoopMetrics(String consultationId, long respondents, long reachableRespondents, long answeredOnEverything,
        BigDecimal shareAnswered, BigDecimal shareOfReachableAnswered, BigDecimal medianHoursToAnswer,
        BigDecimal p90HoursToAnswer, long openThreads, long answeredThreads, long closedThreads) {
}

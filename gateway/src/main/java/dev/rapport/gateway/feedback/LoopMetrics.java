package dev.rapport.gateway.feedback;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("Did we close the loop: share of participants answered, time to answer, threads open and closed.")
public record LoopMetrics(@Id String consultationId, long respondents, long reachableRespondents, long answeredOnEverything,
        BigDecimal shareAnswered, BigDecimal shareOfReachableAnswered, BigDecimal medianHoursToAnswer,
        BigDecimal p90HoursToAnswer, long openThreads, long answeredThreads, long closedThreads,
        @Description("Per initiative with a published action: people asked, first answers yes / partly / no, agreement")
        List<InitiativeAgreement> initiatives) {

    public record InitiativeAgreement(@Id String initiativeId, int position, String title, long asked, long yes, long partly,
            long no, @Description("yes / first answers, 0–1; null before any answer") BigDecimal agreementRate,
            @Description("Share whose latest answer (after any thread) is yes") BigDecimal currentAgreementRate,
            long openThreads) {
    }
}

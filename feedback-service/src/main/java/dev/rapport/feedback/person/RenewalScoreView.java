package dev.rapport.feedback.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A person's standing in one renewal programme and period: the latest propensity score (its tier) and the outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenewalScoreView(UUID contactId, UUID programmeId, String programmeName, String period, int score,
        Instant scoredAt, String source, String outcome) {
}

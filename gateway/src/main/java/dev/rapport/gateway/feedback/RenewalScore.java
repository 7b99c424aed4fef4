package dev.rapport.gateway.feedback;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("The person's standing in one renewal programme and period: the latest propensity score (1–5, which is "
        + "its tier) and, once recorded, whether they renewed.")
public record RenewalScore(@Id String contactId, @Id String programmeId, String programmeName,
        @Description("The season or period the score is for, e.g. 2027") String period,
        @Description("Propensity to renew, 1 (unlikely) to 5 (certain); the report's tier") int score, Instant scoredAt,
        @Description("IMPORT or API") String source,
        @Description("Null while undecided") dev.rapport.gateway.renewal.RenewalOutcome outcome) {
}

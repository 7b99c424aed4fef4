package dev.rapport.contacts.value;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A behaviour-inferred score: sum over interactions of weight(type) × 0.5^(age/half-life). It is a guess;
 * what the person said (objections, follow-up requests) always wins over it.
 */
public record LeadScoreView(UUID contactId, double score, Instant asOf, double halfLifeDays, List<Contribution> contributions) {
    public record Contribution(String type, long count, double weight, double points) {
    }
}

package dev.rapport.feedback.renewal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme in the list: what a renewals page needs to pick one, a period and an offer. */
public record ProgrammeSummary(UUID id, String name, String description, Instant createdAt,
        @Schema(description = "Members in any period") long members,
        @Schema(description = "Periods with scores, latest first", example = "[\"2026/27\", \"2025/26\"]") List<String> periods,
        @Schema(description = "Early-renewal offers sent, newest first") List<OfferRef> offers) {

    public record OfferRef(UUID id, String period, List<Integer> tiers, String channel, int audience, Instant createdAt) {
    }
}

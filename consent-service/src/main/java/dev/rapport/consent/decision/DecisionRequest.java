package dev.rapport.consent.decision;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.Purposes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "May we contact X on channel Y for purpose Z at T?" (docs/contracts.md). */
public record DecisionRequest(
        @NotNull UUID contactId,
        @NotNull @Pattern(regexp = Purposes.CODE_PATTERN, message = "is not a purpose code") @Schema(example = "newsletter") String purpose,
        @Schema(description = "Any channel when absent: the person's preferred channels first") Channel channel,
        @Schema(description = "Decide for this one contact point") UUID contactPointId,
        @Schema(description = "Evaluate as of this instant (default now); the ledger is read as it stood then",
                example = "2026-11-22T09:00:00Z") Instant at) {
}

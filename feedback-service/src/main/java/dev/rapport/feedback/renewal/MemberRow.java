package dev.rapport.feedback.renewal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member in an import: membership, and optionally their score and outcome for the import's period. */
public record MemberRow(
        @NotNull UUID contactId,
        @Size(max = 200) @Schema(example = "ST-2026-00042") String externalRef,
        @Min(1) @Max(5) @Digits(integer = 1, fraction = 0, message = "must be a whole number from 1 to 5")
        @Schema(description = "Propensity to renew, 1 (unlikely) – 5 (very likely)", example = "4") BigDecimal score,
        @Size(max = 200) @Schema(description = "Who or what scored this row; defaults to the import's scoredBy") String scoredBy,
        Outcome outcome) {
}

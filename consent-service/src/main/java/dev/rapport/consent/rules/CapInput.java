package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.Purposes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company cap as an admin sets it: a channel, a purpose, or both; {@code version} is required on replace. */
public record CapInput(
        @Schema(description = "Count touches on this channel only; null: every channel (a purpose is then required)",
                example = "SMS") Channel channel,
        @Pattern(regexp = Purposes.CODE_PATTERN, message = "is not a purpose code")
        @Schema(description = "Count touches for this purpose only; null: every purpose", example = "marketing") String purpose,
        @NotNull @Min(value = 0, message = "must be 0 or more") @Max(1000) @Schema(example = "1") Integer maxTouches,
        @NotNull @Min(1) @Max(366) @Schema(description = "The rolling window in days", example = "7") Integer windowDays,
        @Size(max = 500) @Schema(description = "Why the company has this cap", example = "SMS is expensive and intrusive") String note,
        @Schema(description = "The version you read; required when replacing") Long version) {
}

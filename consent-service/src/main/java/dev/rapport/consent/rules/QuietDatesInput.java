package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Company quiet dates as an admin sets them; {@code version} is required on replace. */
public record QuietDatesInput(
        @NotBlank @Size(max = 200) @Schema(example = "Christmas") String name,
        @NotNull @Schema(description = "First quiet day, in the person's zone", example = "2026-12-24") LocalDate startDate,
        @NotNull @Schema(description = "Last quiet day (inclusive), not before startDate", example = "2026-12-26") LocalDate endDate,
        @Schema(description = "Only this channel; null: every channel") Channel channel,
        @Size(max = 64) @Schema(description = "IANA zone for people who gave none (default: configuration)",
                example = "Europe/Paris") String fallbackTimeZone,
        @Schema(description = "The version you read; required when replacing") Long version) {
}

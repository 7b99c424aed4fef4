package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Company quiet hours as an admin sets them (one per channel, one for every channel); {@code version} on replace. */
public record QuietHoursInput(
        @Schema(description = "Only this channel; null: every channel", example = "SMS") Channel channel,
        @NotNull @Pattern(regexp = TIME, message = "must be a time such as 20:00") @Schema(example = "20:00") String start,
        @NotNull @Pattern(regexp = TIME, message = "must be a time such as 09:00") @Schema(example = "09:00") String end,
        @Size(max = 64) @Schema(description = "IANA zone for people who gave none (default: configuration)",
                example = "Europe/Paris") String fallbackTimeZone,
        @Schema(description = "The version you read; required when replacing") Long version) {

    static final String TIME = "^([01]\\d|2[0-3]):[0-5]\\d$";
}

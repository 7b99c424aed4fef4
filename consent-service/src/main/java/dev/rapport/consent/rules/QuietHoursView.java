package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Company quiet hours for a channel (or every channel) as the API shows them. */
public record QuietHoursView(UUID id,
        @Schema(description = "Only this channel; null: every channel") Channel channel,
        @Schema(example = "20:00") String start,
        @Schema(example = "09:00") String end,
        @Schema(description = "The zone for people who gave none (default: configuration)") String fallbackTimeZone,
        long version, Instant updatedAt, String updatedBy) {

    CompanyRules.QuietHours rule() {
        return new CompanyRules.QuietHours(id, channel, LocalTime.parse(start), LocalTime.parse(end),
                fallbackTimeZone == null ? null : ZoneId.of(fallbackTimeZone));
    }
}

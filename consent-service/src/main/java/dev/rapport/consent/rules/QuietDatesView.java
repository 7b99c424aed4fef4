package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Company quiet dates (a holiday, a range) as the API shows them. */
public record QuietDatesView(UUID id, String name,
        @Schema(description = "First quiet day, in the person's zone", example = "2026-12-24") LocalDate startDate,
        @Schema(description = "Last quiet day (inclusive)", example = "2026-12-26") LocalDate endDate,
        @Schema(description = "Only this channel; null: every channel") Channel channel,
        @Schema(description = "The zone for people who gave none (default: configuration)") String fallbackTimeZone,
        long version, Instant updatedAt, String updatedBy) {

    CompanyRules.QuietDates rule() {
        return new CompanyRules.QuietDates(id, name, startDate, endDate, channel,
                fallbackTimeZone == null ? null : ZoneId.of(fallbackTimeZone));
    }
}

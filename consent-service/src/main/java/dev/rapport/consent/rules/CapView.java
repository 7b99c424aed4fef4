package dev.rapport.consent.rules;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company cap as the API shows it. */
public record CapView(UUID id,
        @Schema(description = "The channel whose touches count; null: every channel") Channel channel,
        @Schema(description = "The purpose whose touches count; null: every purpose") String purpose,
        int maxTouches, int windowDays, String note, long version, Instant updatedAt, String updatedBy) {

    CompanyRules.Cap rule() {
        return new CompanyRules.Cap(id, channel, purpose, maxTouches, windowDays);
    }
}

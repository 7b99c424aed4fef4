package dev.rapport.consent.outreach;

import dev.rapport.consent.common.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PullRequest(
        @Schema(description = "Only messages for this channel (an e-mail platform pulls EMAIL)") Channel channel,
        @Min(1) @Max(500) @Schema(description = "At most this many (default 50)") Integer max,
        @Min(5) @Max(43200) @Schema(description = "Seconds before an unacknowledged message comes back (default configuration)")
        Integer visibilitySeconds) {
}

package dev.rapport.consent.policy;

import dev.rapport.consent.common.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole policy as the person (or staff on their behalf) sets it. {@code version} is required once one exists. */
public record PolicyInput(
        @Size(max = 9) @Schema(description = "Channels in the order the person prefers them") List<@NotNull Channel> preferredChannels,
        @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$", message = "must be a time such as 21:00") @Schema(example = "21:00") String quietHoursStart,
        @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$", message = "must be a time such as 08:00") @Schema(example = "08:00") String quietHoursEnd,
        @Size(max = 64) @Schema(description = "IANA zone quiet hours are in", example = "Europe/Amsterdam") String timeZone,
        @Min(0) @Max(1000) @Schema(description = "At most this many touches per window, all channels (default: configuration)") Integer maxTouches,
        @Min(1) @Max(366) @Schema(description = "The rolling window in days (default: configuration)") Integer windowDays,
        boolean doNotContact,
        @Schema(description = "\"Not now, until …\": no messages before this instant (decisions say no with reason "
                + "`paused` and notBefore = it); null for no pause", example = "2027-06-01T00:00:00Z") Instant pausedUntil,
        @Schema(description = "What an unsubscribe link withdraws (default PURPOSE_ALL_CHANNELS)") UnsubscribeScope unsubscribeScope,
        Long version) {
}

package dev.rapport.platform.webhooks;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replays every event of the subscription's types that occurred at or after {@code from}. */
public record ReplayRequest(@NotNull @Schema(example = "2026-12-05T00:00:00Z") Instant from) {

    /** How many deliveries the replay scheduled. */
    public record Result(int scheduled) {
    }
}

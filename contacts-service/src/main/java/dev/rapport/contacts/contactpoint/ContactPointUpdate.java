package dev.rapport.contacts.contactpoint;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** What may change on an existing point: its context and when it was verified. The address itself never changes. */
public record ContactPointUpdate(@NotNull PointContext context, Instant verifiedAt) {
}

package dev.rapport.consent.facts;

import dev.rapport.consent.common.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** One outbox event from contacts-service, exactly as docs/contracts.md describes it. */
public record ContactPointChangeEvent(
        @NotNull UUID eventId,
        @NotNull @PositiveOrZero Long seq,
        @NotNull @Pattern(regexp = "contact-point-changed", message = "must be contact-point-changed") String type,
        @NotNull Instant occurredAt,
        @NotNull @Valid Payload payload,
        @Size(max = 512) String traceparent) {

    public record Payload(
            @NotNull ChangeKind change,
            @NotNull UUID contactId,
            UUID contactPointId,
            Channel channel,
            @Size(max = 2000) String address,
            PointContext context,
            Provenance provenance,
            @Size(max = 500) String provenanceSource,
            Instant verifiedAt,
            UUID mergedContactId,
            UUID mergedIntoPointId) {
    }
}

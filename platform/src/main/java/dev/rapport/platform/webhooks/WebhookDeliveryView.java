package dev.rapport.platform.webhooks;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, with every attempt made (newest last). */
@RegisterForReflection
public record WebhookDeliveryView(UUID id, UUID subscriptionId,
        @Schema(description = "The webhook-id header: the same on every attempt and on a replay") UUID eventId,
        String eventType, UUID contactId, Instant occurredAt,
        @Schema(description = "PENDING (waiting or being retried) or DELIVERED (a 2xx answer)") Status status,
        int attempts, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode, String lastError,
        @Schema(description = "True when an admin's replay scheduled it") boolean replay, List<Attempt> attemptLog) {

    public enum Status { PENDING, DELIVERED }

    /** One HTTP attempt: the receiver's status code (null when none came), how long it took, and what failed. */
    @RegisterForReflection
    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMillis, String error) {
    }
}

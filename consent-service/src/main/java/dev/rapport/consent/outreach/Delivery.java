package dev.rapport.consent.outreach;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message a delivery integration pulled. The address is not here: consent-service never holds it; read contact
 * point {@code contactPointId} from contacts-service. Acknowledge with {@code leaseId} before {@code leaseUntil}.
 */
public record Delivery(UUID id, UUID contactId, String purpose, Channel channel, UUID contactPointId, String campaign,
        String payloadRef, UUID evidenceEventId,
        @Schema(description = "Proves this pull; an acknowledgement with an older lease is refused") UUID leaseId,
        Instant leaseUntil, int attempt) {
}

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
        @Schema(description = "The ledger event the decision named (evidenceEventId), so a message can say which consent "
                + "allows it without reading the person's ledger; absent when the decision named none")
        Evidence evidence,
        @Schema(description = "Proves this pull; an acknowledgement with an older lease is refused") UUID leaseId,
        Instant leaseUntil, int attempt,
        @Schema(description = "The W3C traceparent of the request that queued the message, so its delivery joins that "
                + "trace; absent when tracing was off") String traceparent) {

    /** The evidence event as the person would be told about it: what, when, through which source. */
    public record Evidence(UUID eventId,
            @Schema(description = "The event's kind", example = "GRANT") String kind,
            @Schema(description = "When the person did it", example = "2026-03-02T09:15:00Z") Instant occurredAt,
            @Schema(description = "Where it was recorded", example = "WEB_FORM") String source,
            @Schema(description = "The lawful basis the event states, if any", example = "CONSENT") String lawfulBasis) {
    }
}

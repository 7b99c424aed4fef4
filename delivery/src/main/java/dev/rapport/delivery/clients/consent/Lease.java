package dev.rapport.delivery.clients.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * One message leased from consent-service's delivery queue ({@code POST /outreach/queue/pull}). It names the contact
 * point, never the address (consent-service does not hold addresses), and the ledger event the decision named as its
 * evidence. Acknowledge with {@code leaseId} before {@code leaseUntil}. {@code traceparent} is the W3C trace context of
 * the request that queued the message (null when tracing was off there).
 */
public record Lease(UUID id, UUID contactId, String purpose, String channel, UUID contactPointId, String campaign,
        String payloadRef, UUID evidenceEventId, Evidence evidence, UUID leaseId, Instant leaseUntil, int attempt,
        String traceparent) {

    /** The evidence event: its kind (GRANT for a consent), when, and through which source; null when there is none. */
    public record Evidence(UUID eventId, String kind, Instant occurredAt, String source, String lawfulBasis) {
    }
}

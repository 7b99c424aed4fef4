package dev.rapport.delivery.clients.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * One message leased from consent-service's delivery queue ({@code POST /outreach/queue/pull}). It names the contact
 * point, never the address (consent-service does not hold addresses). Acknowledge with {@code leaseId} before
 * {@code leaseUntil}.
 */
public record Lease(UUID id, UUID contactId, String purpose, String channel, UUID contactPointId, String campaign,
        String payloadRef, UUID evidenceEventId, UUID leaseId, Instant leaseUntil, int attempt) {
}

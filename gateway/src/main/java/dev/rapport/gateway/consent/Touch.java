package dev.rapport.gateway.consent;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("An outreach request and what became of it; a DELIVERED one is a touch that frequency caps count.")
public record Touch(@Id String id, @Id String contactId, String purpose, String campaign, String payloadRef,
        @Description("QUEUED, LEASED, DELIVERED, BOUNCED, FAILED or DENIED") String status, String channel,
        @Id String contactPointId, Decision decision, String requestedBy, Instant createdAt, int attempts,
        Instant acknowledgedAt, String outcomeDetail) {
}

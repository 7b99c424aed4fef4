package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("An outreach request and what became of it; a DELIVERED one is a touch that frequency caps count.")
public record Touch(@Id String id, @Id String contactId, String purpose, String campaign, String payloadRef,
        OutreachStatus status, Channel channel,
        @Id String contactPointId, Decision decision, String requestedBy, Instant createdAt, int attempts,
        Instant acknowledgedAt, String outcomeDetail) {
}

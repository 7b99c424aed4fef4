package dev.rapport.consent.outreach;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.decision.Decision;
import java.time.Instant;
import java.util.UUID;

/** An outreach request with its decision and where it stands in delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutreachView(UUID id, UUID contactId, String purpose, String campaign, String payloadRef, OutreachStatus status,
        Channel channel, UUID contactPointId, Decision decision, String requestedBy, Instant createdAt, int attempts,
        Instant acknowledgedAt, String outcomeDetail) {
}

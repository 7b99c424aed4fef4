package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a message feedback-service asked consent-service to send stands: PENDING (not decided yet, or "
        + "consent-service could not be reached: tried again), QUEUED (accepted: in the delivery queue) or DENIED (reasons "
        + "say why).")
public enum MessageStatus {
    PENDING, QUEUED, DENIED
}

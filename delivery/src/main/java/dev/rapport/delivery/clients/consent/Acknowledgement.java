package dev.rapport.delivery.clients.consent;

import java.util.UUID;

/** The outcome of one leased message ({@code POST /outreach/deliveries/{id}/ack}). */
public record Acknowledgement(UUID leaseId, Outcome outcome, String detail) {
    public enum Outcome {
        /** Accepted by the SMTP server: a touch. */
        DELIVERED,
        /** Rejected for good (SMTP 5xx on the recipient): its contact point is not used again until it changes. */
        BOUNCED,
        /** Given up: nothing was sent. */
        FAILED
    }
}

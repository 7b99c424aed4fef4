package dev.rapport.delivery.clients.consent;

import java.util.List;
import java.util.UUID;

/** The outcome of one leased message, one line of {@code POST /outreach/deliveries/acks}. */
public record Acknowledgement(UUID id, UUID leaseId, Outcome outcome, String detail) {
    public enum Outcome {
        /** Accepted by the SMTP server: a touch. */
        DELIVERED,
        /** Rejected for good (SMTP 5xx on the recipient): its contact point is not used again until it changes. */
        BOUNCED,
        /** Given up: nothing was sent. */
        FAILED
    }

    /** The request body: up to 500 lines, recorded in one transaction. */
    public record Batch(List<Acknowledgement> acks) {
    }

    /** What became of one line: RECORDED, ALREADY_RECORDED, LEASE_LOST or NOT_FOUND. */
    public record Result(UUID id, String status) {
        public boolean recorded() {
            return "RECORDED".equals(status) || "ALREADY_RECORDED".equals(status);
        }
    }
}

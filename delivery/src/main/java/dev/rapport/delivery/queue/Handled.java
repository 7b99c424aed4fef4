package dev.rapport.delivery.queue;

import java.util.UUID;

/** What became of one leased message in a round. */
public record Handled(UUID outreachId, Status status, String detail) {
    public enum Status {
        /** Acknowledged as the outcome says. */
        DELIVERED, BOUNCED, FAILED,
        /** Not acknowledged: its lease runs out and it is tried again. */
        RETRY_LATER,
        /** Sent or not, the lease had already gone to another round: that round acknowledges it. */
        LEASE_LOST
    }
}

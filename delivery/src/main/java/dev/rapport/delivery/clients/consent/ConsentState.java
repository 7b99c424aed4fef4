package dev.rapport.delivery.clients.consent;

import java.time.Instant;
import java.util.UUID;

/** One scope of a person's consent as in force now, with the ledger event that decides it. */
public record ConsentState(String purpose, String channel, UUID contactPointId, String status, UUID eventId,
        String lawfulBasis, String source, Instant since, Instant expiresAt) {
}

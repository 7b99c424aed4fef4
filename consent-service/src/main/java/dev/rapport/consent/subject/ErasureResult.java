package dev.rapport.consent.subject;

import dev.rapport.consent.ledger.ChainVerification;
import java.time.Instant;
import java.util.UUID;

/** What erasure did: the PII-free proof left behind, and that the chain still verifies. */
public record ErasureResult(UUID contactId, Instant erasedAt, UUID erasureEventId, long ledgerEventsKept,
        ChainVerification chain) {
}

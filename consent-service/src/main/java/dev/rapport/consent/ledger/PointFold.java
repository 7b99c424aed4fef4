package dev.rapport.consent.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A merge folded {@code foldedPointId} into {@code intoPointId} at {@code foldedAt}: the survivor already held the same
 * normalised address, so its point was kept and the other removed. The hashes are the two points' address hashes at
 * that instant ({@code foldedHash} may be null when it was unknown).
 */
public record PointFold(UUID foldedPointId, String foldedHash, UUID intoPointId, String intoHash, Instant foldedAt) {
}

package dev.rapport.contacts.subject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What erasure did, kept so that erasing again answers the same. Counts only: the report itself holds nothing
 * personal.
 */
public record ErasureReport(UUID contactId, Instant erasedAt, String erasedBy, List<UUID> mergedContactIds,
        int contactPointsRemoved, int interactionsAnonymised, int followUpsDeleted, int signalAcknowledgementsDeleted) {
}

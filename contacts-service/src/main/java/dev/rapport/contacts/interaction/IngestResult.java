package dev.rapport.contacts.interaction;

import java.util.UUID;

/** Outcome for one pushed event: CREATED now, or DUPLICATE of one already on the timeline (same source and external id). */
public record IngestResult(UUID id, UUID contactId, String source, String externalId, Status status) {
    public enum Status {
        CREATED, DUPLICATE
    }
}

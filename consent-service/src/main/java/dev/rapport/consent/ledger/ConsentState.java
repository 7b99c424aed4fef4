package dev.rapport.consent.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.util.UUID;

/**
 * The projection: for each scope the ledger mentions (purpose, channel or every channel, optionally one point), the
 * state in force at an instant and the event that decides it (the latest event whose scope covers this one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentState(String purpose, Channel channel, UUID contactPointId, Status status, UUID eventId,
        LawfulBasis lawfulBasis, EventSource source, Instant since, Instant expiresAt, Instant until) {

    public enum Status {
        GRANTED, EXPIRED, WITHDRAWN, DENIED, OBJECTED
    }
}

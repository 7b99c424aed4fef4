package dev.rapport.gateway.consent;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

@Description("A consent in force: the state of one scope (purpose, channel, optional contact point) and the ledger event that decides it.")
public record ConsentState(String purpose, String channel, String contactPointId,
        @Description("GRANTED, EXPIRED, WITHDRAWN, DENIED or OBJECTED") String status, String eventId, String lawfulBasis,
        String source, Instant since, Instant expiresAt, Instant until) {
}

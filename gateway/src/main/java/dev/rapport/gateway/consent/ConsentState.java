package dev.rapport.gateway.consent;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A consent in force: the state of one scope (purpose, channel, optional contact point) and the ledger event that decides it.")
public record ConsentState(String purpose, String channel, @Id String contactPointId,
        @Description("GRANTED, EXPIRED, WITHDRAWN, DENIED or OBJECTED") String status, @Id String eventId, String lawfulBasis,
        String source, Instant since, Instant expiresAt, Instant until) {
}

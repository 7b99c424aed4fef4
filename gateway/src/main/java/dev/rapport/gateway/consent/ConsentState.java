package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A consent in force: the state of one scope (purpose, channel, optional contact point) and the ledger event that decides it.")
public record ConsentState(String purpose, Channel channel, @Id String contactPointId,
        ConsentStatus status, @Id String eventId, LawfulBasis lawfulBasis,
        ConsentSource source, Instant since, Instant expiresAt, Instant until) {
}

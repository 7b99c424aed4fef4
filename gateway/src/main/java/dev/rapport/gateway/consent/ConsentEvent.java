package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("One append-only ledger event; hash chains the previous event of the same contact.")
public record ConsentEvent(@Id String id, @Id String contactId, long seq,
        ConsentKind kind, String purpose, Channel channel, @Id String contactPointId,
        LawfulBasis lawfulBasis, ConsentSource source, Evidence evidence, Instant occurredAt, Instant recordedAt, Instant expiresAt,
        Instant until, String prevHash, String hash) {

    public record Evidence(String formId, String wordingHash, String actor, String note, String ipAddress, String userAgent) {
    }
}

package dev.rapport.consent.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.LawfulBasis;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentEventView(UUID id, UUID contactId, long seq, EventKind kind, String purpose, Channel channel,
        UUID contactPointId, LawfulBasis lawfulBasis, EventSource source, EvidenceView evidence, Instant occurredAt,
        Instant recordedAt, Instant expiresAt, Instant until, String prevHash, String hash) {

    public record EvidenceView(String formId, String wordingHash, String actor, String note, String ipAddress, String userAgent) {
    }

    public static ConsentEventView from(ConsentEvent e) {
        return new ConsentEventView(e.id, e.contactId, e.seq, e.kind, e.purpose, e.channel, e.contactPointId, e.lawfulBasis,
                e.source, new EvidenceView(e.formId, e.wordingHash, e.actor, e.note, e.ipAddress, e.userAgent),
                e.occurredAt, e.recordedAt, e.expiresAt, e.until, e.prevHash, e.hash);
    }
}

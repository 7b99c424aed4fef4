package dev.rapport.consent.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.ledger.ConsentEvent;
import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.ledger.EventSource;
import dev.rapport.consent.purpose.LawfulBasis;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook events consent-service sends and their {@code data} (docs/webhooks.md): ids, and what changed. Never the
 * evidence's free text, IP address or user agent, never an address.
 */
public final class ConsentEvents {
    public static final String CONSENT_CHANGED = "consent.changed";
    public static final String OUTREACH_DECIDED = "outreach.decided";
    public static final List<String> ALL = List.of(CONSENT_CHANGED, OUTREACH_DECIDED);

    private ConsentEvents() {
    }

    /**
     * A ledger event: {@code kind} GRANT, WITHDRAW, DENY, OBJECT, or ERASURE (the person was erased: no consent of
     * theirs holds any more); its scope (purpose, channel, contact point) and where it came from.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentChanged(UUID ledgerEventId, UUID contactId, EventKind kind, String purpose, Channel channel,
            UUID contactPointId, LawfulBasis lawfulBasis, EventSource source, Instant occurredAt, Instant expiresAt,
            Instant until) {

        public static ConsentChanged of(ConsentEvent e) {
            return new ConsentChanged(e.id, e.contactId, e.kind, e.purpose, e.channel, e.contactPointId, e.lawfulBasis,
                    e.source, e.occurredAt, e.expiresAt, e.until);
        }
    }
}

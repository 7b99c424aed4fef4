package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** What mutations accept for consent-service; passed through as JSON and validated there. */
public final class Inputs {
    private Inputs() {
    }

    @Input("ConsentEventInput")
    public record ConsentEventInput(@Description("GRANT, WITHDRAW, DENY or OBJECT (ERASURE is recorded by eraseContact only)") ConsentKind kind, String purpose,
            @Description("Required for a grant; absent on a withdrawal/denial/objection means every channel") Channel channel,
            @Id String contactPointId, LawfulBasis lawfulBasis,
            @Description("Any but SYSTEM, which Rapport records itself") ConsentSource source,
            EvidenceInput evidence, Instant occurredAt, Instant expiresAt, Instant until) {
    }

    @Input("EvidenceInput")
    public record EvidenceInput(String formId, @Description("Lower-case hex SHA-256 of the wording shown") String wordingHash,
            String note, String ipAddress, String userAgent) {
    }

    @Input("PolicyInput")
    public record PolicyInput(List<Channel> preferredChannels, String quietHoursStart, String quietHoursEnd, String timeZone,
            Integer maxTouches, Integer windowDays, Boolean doNotContact,
            @Description("\"Not now, until …\": nothing before this instant; null for no pause") Instant pausedUntil,
            UnsubscribeScope unsubscribeScope, Long version) {
    }

    @Input("PurposeInput")
    public record PurposeInput(String code, String description, LawfulBasis lawfulBasis, Long version) {
    }

    @Input("OutreachInput")
    public record OutreachInput(@Id String contactId, String purpose, Channel channel, @Id String contactPointId, String campaign,
            String payloadRef) {
    }
}

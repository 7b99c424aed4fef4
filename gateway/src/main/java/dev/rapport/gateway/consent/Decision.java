package dev.rapport.gateway.consent;

import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("May we contact this person on this channel for this purpose now? A no lists every reason; when "
        + "consent-service cannot answer, the answer is no with reason consent-unavailable (everywhere a decision appears).")
public record Decision(String purpose, boolean allowed, List<Reason> reasons, @Id String contactPointId, Channel channel,
        @Id String evidenceEventId, Instant evaluatedAt,
        @Description("Not now, but from this instant: the quiet times in the way end then (reasons quiet-hours, "
                + "company-quiet-hours, company-quiet-date) or the person's pause (paused); an outreach request in quiet "
                + "times is queued and delivered from then on. Null for a plain yes or no.") Instant notBefore) {

    public static final String CONSENT_UNAVAILABLE = "consent-unavailable";

    @Description("A stable code (no-consent, withdrawn, expired, denied, objection, point-not-given-by-person, "
            + "contact-point-undeliverable, no-usable-contact-point, quiet-hours, paused, frequency-cap, do-not-contact, "
            + "company-channel-cap, company-purpose-cap, company-quiet-hours, company-quiet-date, unknown-contact, "
            + "unknown-purpose, consent-unavailable) and a human detail.")
    public record Reason(String code, String detail,
            @Description("The company rule that applies (companyRules), on company-* reasons only") @Id String ruleId) {
        public Reason(String code, String detail) {
            this(code, detail, null);
        }
    }

    public Decision withPurpose(String p) {
        return new Decision(p, allowed, reasons, contactPointId, channel, evidenceEventId, evaluatedAt, notBefore);
    }

    public static Decision unavailable(String purpose, Channel channel) {
        return new Decision(purpose, false, List.of(new Reason(CONSENT_UNAVAILABLE,
                "consent-service could not answer; treated as no")), null, channel, null, Instant.now(), null);
    }
}

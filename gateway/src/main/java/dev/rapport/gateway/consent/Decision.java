package dev.rapport.gateway.consent;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;

@Description("May we contact this person on this channel for this purpose now? A no lists every reason; when "
        + "consent-service cannot answer, the answer is no with reason consent-unavailable.")
public record Decision(String purpose, boolean allowed, List<Reason> reasons, String contactPointId, String channel,
        String evidenceEventId, Instant evaluatedAt) {

    public static final String CONSENT_UNAVAILABLE = "consent-unavailable";

    @Description("A stable code (no-consent, withdrawn, expired, denied, objection, point-not-given-by-person, "
            + "no-usable-contact-point, quiet-hours, paused, frequency-cap, do-not-contact, unknown-contact, unknown-purpose, "
            + "consent-unavailable) and a human detail.")
    public record Reason(String code, String detail) {
    }

    public Decision withPurpose(String p) {
        return new Decision(p, allowed, reasons, contactPointId, channel, evidenceEventId, evaluatedAt);
    }

    public static Decision unavailable(String purpose, String channel) {
        return new Decision(purpose, false, List.of(new Reason(CONSENT_UNAVAILABLE,
                "consent-service could not answer; treated as no")), null, channel, null, Instant.now());
    }
}

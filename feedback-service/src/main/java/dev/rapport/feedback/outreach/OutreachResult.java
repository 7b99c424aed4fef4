package dev.rapport.feedback.outreach;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** consent-service's answer; unknown fields are ignored so that it can grow without breaking us. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutreachResult(UUID id, String status, Decision decision) {

    public static final String QUEUED = "QUEUED";
    public static final String UNKNOWN_CONTACT = "unknown-contact";

    /**
     * Accepted for delivery: queued now, or deferred by the person's quiet hours (then the decision says not now,
     * with {@code notBefore}, and consent-service releases it to the delivery queue at that instant).
     */
    public boolean queued() {
        return QUEUED.equals(status);
    }

    /** Denied only because consent-service has no record of the person (yet: contacts-service's outbox may not have delivered them). */
    public boolean unknownContact() {
        return !queued() && decision != null && decision.unknownContact();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(boolean allowed, List<Reason> reasons, UUID contactPointId, String channel,
            UUID evidenceEventId, Instant evaluatedAt, Instant notBefore) {
        public boolean unknownContact() {
            return reasons != null && reasons.stream().anyMatch(r -> UNKNOWN_CONTACT.equals(r.code()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String detail) {
    }
}

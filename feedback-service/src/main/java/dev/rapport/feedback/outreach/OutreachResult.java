package dev.rapport.feedback.outreach;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** consent-service's answer; unknown fields are ignored so that it can grow without breaking us. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutreachResult(UUID id, String status, Decision decision) {

    public static final String QUEUED = "QUEUED";

    public boolean queued() {
        return QUEUED.equals(status) && decision != null && decision.allowed();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(boolean allowed, List<Reason> reasons, UUID contactPointId, String channel,
            UUID evidenceEventId, Instant evaluatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String detail) {
    }
}

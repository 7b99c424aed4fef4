package dev.rapport.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One NDJSON line of a bulk answer: a decision for a contact, or an error for one input line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkDecisionLine(UUID contactId, Boolean allowed, List<Reason> reasons, UUID contactPointId, Channel channel,
        UUID evidenceEventId, Instant evaluatedAt, Instant notBefore, Long line, String error) {

    public static BulkDecisionLine of(UUID contactId, Decision d) {
        return new BulkDecisionLine(contactId, d.allowed(), d.reasons(), d.contactPointId(), d.channel(), d.evidenceEventId(),
                d.evaluatedAt(), d.notBefore(), null, null);
    }

    public static BulkDecisionLine error(long line, String error) {
        return new BulkDecisionLine(null, null, null, null, null, null, null, null, line, error);
    }
}

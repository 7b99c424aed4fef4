package dev.rapport.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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

    /**
     * Writes the line as Jackson would (same fields, order and nulls left out; {@code BulkDecisionLineTest} compares the
     * two), without reflection: a bulk answer writes one per contact, and serialising records reflectively was most of
     * its JSON cost.
     */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (contactId != null) {
            g.writeStringField("contactId", contactId.toString());
        }
        if (allowed != null) {
            g.writeBooleanField("allowed", allowed);
        }
        if (reasons != null) {
            g.writeArrayFieldStart("reasons");
            for (Reason r : reasons) {
                g.writeStartObject();
                g.writeStringField("code", r.code());
                g.writeStringField("detail", r.detail());
                if (r.ruleId() != null) {
                    g.writeStringField("ruleId", r.ruleId().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (contactPointId != null) {
            g.writeStringField("contactPointId", contactPointId.toString());
        }
        if (channel != null) {
            g.writeStringField("channel", channel.name());
        }
        if (evidenceEventId != null) {
            g.writeStringField("evidenceEventId", evidenceEventId.toString());
        }
        if (evaluatedAt != null) {
            g.writeStringField("evaluatedAt", evaluatedAt.toString());
        }
        if (notBefore != null) {
            g.writeStringField("notBefore", notBefore.toString());
        }
        if (line != null) {
            g.writeNumberField("line", line.longValue());
        }
        if (error != null) {
            g.writeStringField("error", error);
        }
        g.writeEndObject();
    }
}

package dev.rapport.consent.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One NDJSON line of a bulk answer: a decision for a contact, or an error for one input line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkDecisionLine(UUID contactId, Boolean allowed, List<Reason> reasons, UUID contactPointId, Channel channel,
        UUID evidenceEventId, Instant evaluatedAt, Instant notBefore, Long line, String error) {

    // field names encoded once
    private static final SerializedString CONTACT_ID = new SerializedString("contactId");
    private static final SerializedString ALLOWED = new SerializedString("allowed");
    private static final SerializedString REASONS = new SerializedString("reasons");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString CONTACT_POINT_ID = new SerializedString("contactPointId");
    private static final SerializedString CHANNEL = new SerializedString("channel");
    private static final SerializedString EVIDENCE_EVENT_ID = new SerializedString("evidenceEventId");
    private static final SerializedString EVALUATED_AT = new SerializedString("evaluatedAt");
    private static final SerializedString NOT_BEFORE = new SerializedString("notBefore");
    private static final SerializedString LINE = new SerializedString("line");
    private static final SerializedString ERROR = new SerializedString("error");

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
            string(g, CONTACT_ID, contactId.toString());
        }
        if (allowed != null) {
            g.writeFieldName(ALLOWED);
            g.writeBoolean(allowed);
        }
        if (reasons != null) {
            g.writeFieldName(REASONS);
            g.writeStartArray();
            for (Reason r : reasons) {
                g.writeStartObject();
                string(g, CODE, r.code());
                string(g, DETAIL, r.detail());
                if (r.ruleId() != null) {
                    string(g, RULE_ID, r.ruleId().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (contactPointId != null) {
            string(g, CONTACT_POINT_ID, contactPointId.toString());
        }
        if (channel != null) {
            string(g, CHANNEL, channel.name());
        }
        if (evidenceEventId != null) {
            string(g, EVIDENCE_EVENT_ID, evidenceEventId.toString());
        }
        if (evaluatedAt != null) {
            string(g, EVALUATED_AT, evaluatedAt.toString());
        }
        if (notBefore != null) {
            string(g, NOT_BEFORE, notBefore.toString());
        }
        if (line != null) {
            g.writeFieldName(LINE);
            g.writeNumber(line.longValue());
        }
        if (error != null) {
            string(g, ERROR, error);
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }
}

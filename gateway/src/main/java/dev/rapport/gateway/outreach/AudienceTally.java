package dev.rapport.gateway.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.gateway.common.Channel;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a segment's streamed answer from consent-service a line at a time, so memory holds the counts, not the
 * audience: decisions ({@code POST /decisions/bulk}) or outreach results ({@code POST /outreach/requests/bulk}).
 */
public final class AudienceTally {
    private int members;
    private int allowed;
    private int notNow;
    private int denied;
    private int queued;
    private int duplicate;
    private int errors;
    private Instant earliest;
    private final Map<String, Integer> reasons = new HashMap<>();

    /** One line of {@code /decisions/bulk}: a decision, or {@code {line, error}}. */
    public void decision(JsonNode line) {
        if (line.hasNonNull("error")) {
            errors++;
            return;
        }
        members++;
        decided(line);
    }

    /** One line of {@code /outreach/requests/bulk}: QUEUED, DENIED or DUPLICATE with its decision, or {@code {line, error}}. */
    public void outreach(JsonNode line) {
        if (line.hasNonNull("error")) {
            errors++;
            return;
        }
        members++;
        JsonNode d = line.path("decision");
        switch (line.path("status").asText()) {
            case "QUEUED" -> {
                queued++;
                decided(d);
            }
            case "DUPLICATE" -> duplicate++;
            default -> {
                denied++;
                countReasons(d);
            }
        }
    }

    /** Allowed now, not now (a notBefore: quiet times or paused), or denied; the reasons counted for the last two. */
    private void decided(JsonNode d) {
        if (d.path("allowed").asBoolean(false)) {
            allowed++;
            return;
        }
        JsonNode notBefore = d.path("notBefore");
        if (notBefore.isTextual()) {
            notNow++;
            Instant at = Instant.parse(notBefore.asText());
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        } else {
            denied++;
        }
        countReasons(d);
    }

    private void countReasons(JsonNode d) {
        for (JsonNode r : d.path("reasons")) {
            reasons.merge(r.path("code").asText(), 1, Integer::sum);
        }
    }

    List<ReasonCount> deniedBy() {
        return reasons.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ReasonCount::people).reversed().thenComparing(ReasonCount::code)).toList();
    }

    public SegmentReach reach(String segmentId, String purpose, Channel channel) {
        return new SegmentReach(segmentId, purpose, channel, members, allowed, notNow, earliest, denied, deniedBy(), errors);
    }

    public SegmentOutreach outreachResult(String segmentId, String purpose, String campaign) {
        return new SegmentOutreach(segmentId, purpose, campaign, members, queued, allowed, notNow, denied, duplicate, deniedBy(),
                errors, earliest);
    }
}

package dev.rapport.feedback.renewal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.feedback.outreach.DispatchSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code delivery} is null while a large audience is still being sent; {@code segmentId} and {@code segmentVersion} name
 * the segment the audience was narrowed to, when one was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(UUID id, UUID programmeId, String period, List<Integer> tiers, String channel, String campaign,
        int audience, UUID segmentId, Integer segmentVersion, Instant createdAt, DispatchSummary delivery) {
}

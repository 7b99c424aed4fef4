package dev.rapport.feedback.audience;

import java.util.List;
import java.util.UUID;

/** One page of a segment's member ids, as contacts-service answers GET /segments/{id}/member-ids. */
public record SegmentPage(UUID segmentId, int version, List<UUID> ids, UUID next) {
}

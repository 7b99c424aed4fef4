package dev.rapport.contacts.segment;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a segment's member ids, for services that take an audience (docs/contacts.md, "Segments"). */
public record MemberIds(UUID segmentId,
        @Schema(description = "The version of the definition the page was evaluated with") int version,
        List<UUID> ids,
        @Schema(description = "Pass back as `after` for the next page; absent on the last page") UUID next) {
}

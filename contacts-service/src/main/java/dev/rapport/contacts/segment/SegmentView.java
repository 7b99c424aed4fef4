package dev.rapport.contacts.segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentView(UUID id, String name, String description, SegmentKind kind, SegmentFilter filter,
        @Schema(description = "Bumped by every change of name, filter or list; an audience taken from the segment records it",
                example = "3") int version,
        String createdBy, Instant createdAt, Instant updatedAt) {
}

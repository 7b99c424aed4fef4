package dev.rapport.contacts.segment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A segment as the API accepts it, on creation and (with the version read) on update. */
public record NewSegment(
        @NotBlank @Size(max = 200) @Schema(example = "VIP customers in Lyon") String name,
        @Size(max = 1000) String description,
        @Schema(description = "FILTER (default; give filter) or STATIC (no filter; upload the list to PUT /segments/{id}/members)")
        SegmentKind kind,
        @Valid @Schema(description = "Required for a FILTER segment; an empty filter selects every contact") SegmentFilter filter,
        @Schema(description = "On update: the version read; a stale one answers 409 and changes nothing") Integer version) {
}

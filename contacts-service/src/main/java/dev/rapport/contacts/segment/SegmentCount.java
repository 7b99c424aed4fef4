package dev.rapport.contacts.segment;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contacts.contact.ContactView;

/** How many contacts a segment (or a filter being written) selects now, with a first few of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentCount(UUID segmentId, Integer version, long count,
        @Schema(description = "A preview: the first members by name (absent on /count)") List<ContactView> sample) {
}

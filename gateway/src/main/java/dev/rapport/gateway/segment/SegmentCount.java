package dev.rapport.gateway.segment;

import dev.rapport.gateway.contact.Contact;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("How many contacts a segment (or a filter not saved yet) selects now.")
public record SegmentCount(@Id String segmentId, @Description("The version counted; null for a preview") Integer version,
        @Description("Contacts selected now") long count,
        @Description("The first few by name (previewSegment only)") List<Contact> sample) {
}

package dev.rapport.gateway.segment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("What replacing a static segment's list did.")
public record SegmentMembersUpload(@Id String segmentId, int version, @Description("Contacts in the list now") long members,
        @Description("Ids that name no contact (left out)") long unknown, @Description("Ids given more than once") long repeated) {
}

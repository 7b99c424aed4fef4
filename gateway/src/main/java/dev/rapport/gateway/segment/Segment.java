package dev.rapport.gateway.segment;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.PageInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A saved audience (contacts-service): a filter evaluated when used, or a static list. Wherever an audience is "
        + "taken (inviteToConsultation, bulk decisions and outreach) its id works beside contact ids, and what was taken "
        + "records the version.")
public record Segment(@Id String id, String name, String description, SegmentKind kind, SegmentFilter filter,
        @Description("Bumped by every change of name, filter or list") int version, String createdBy, Instant createdAt,
        Instant updatedAt) {

    public record SegmentConnection(List<Segment> nodes, List<SegmentEdge> edges, PageInfo pageInfo,
            @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record SegmentEdge(String cursor, Segment node) {
    }
}

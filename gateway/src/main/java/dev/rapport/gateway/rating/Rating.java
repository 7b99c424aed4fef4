package dev.rapport.gateway.rating;

import java.util.List;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.common.Connection;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("1–5 stars on an interaction, a case or a staff member.")
public record Rating(@Id String id, RatingSubjectType subjectType, String subjectId,
        String staff, String touchpoint, int stars, String comment, @Id String contactId, Instant ratedAt) {

    public record RatingConnection(List<Rating> nodes, List<RatingEdge> edges, PageInfo pageInfo,
            @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record RatingEdge(String cursor, Rating node) {
    }
}

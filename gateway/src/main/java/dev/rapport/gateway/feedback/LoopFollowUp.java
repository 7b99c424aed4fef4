package dev.rapport.gateway.feedback;

import java.util.List;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.common.Connection;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("\"Does this work for you?\" after a published action: YES, PARTLY or NO (with why); a NO reopens the thread.")
public record LoopFollowUp(@Id String id, @Id String consultationId, @Id String initiativeId, @Id String actionId, @Id String threadId,
        @Id String contactId, Instant askedAt, LoopAnswer answer, String why, Instant answeredAt) {

    public record LoopFollowUpConnection(List<LoopFollowUp> nodes, List<LoopFollowUpEdge> edges, PageInfo pageInfo,
            @Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record LoopFollowUpEdge(String cursor, LoopFollowUp node) {
    }
}

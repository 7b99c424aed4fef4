package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.Connection;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("Case")
@Description("A customer's request, measured by outcome: resolved, confirmed by the customer, reopened.")
public record SupportCase(@Id String id, @Id String contactId, String problem, CaseChannel channel, Instant openedAt, String assignee,
        CaseStatus status, Instant resolvedAt, boolean resolvedOnFirstContact, Instant confirmedAt, int reopenCount,
        long version) {

    public record CaseConnection(List<SupportCase> nodes, List<CaseEdge> edges, dev.rapport.gateway.common.PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record CaseEdge(String cursor, SupportCase node) {
    }

    public record CaseEvent(@Id String id, Instant at, CaseEventType type, CaseStatus status, String actor, String note) {
    }

    @Description("A case's steps, oldest first.")
    public record CaseEventConnection(List<CaseEvent> nodes, List<CaseEventEdge> edges, dev.rapport.gateway.common.PageInfo pageInfo,
            @Description(NestedPage.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record CaseEventEdge(String cursor, CaseEvent node) {
    }
}

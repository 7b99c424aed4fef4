package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("Case")
@Description("A customer's request, measured by outcome: resolved, confirmed by the customer, reopened.")
public record SupportCase(@Id String id, @Id String contactId, String problem, String channel, Instant openedAt, String assignee,
        String status, Instant resolvedAt, boolean resolvedOnFirstContact, Instant confirmedAt, int reopenCount,
        long version, List<CaseEvent> history) {

    public record CaseConnection(List<SupportCase> nodes, dev.rapport.gateway.common.PageInfo pageInfo) {
    }

    public record CaseEvent(Instant at, String type, String status, String actor, String note) {
    }
}

package dev.rapport.feedback.supportcase;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID id, UUID contactId, String problem, CaseChannel channel, Instant openedAt, String assignee,
        CaseStatus status, Instant resolvedAt, boolean resolvedOnFirstContact, Instant confirmedAt, int reopenCount,
        long version, List<EventView> history) {

    public record EventView(UUID id, Instant at, String type, String status, String actor, String note) {
        static EventView from(CaseEvent e) {
            return new EventView(e.id, e.at, e.type, e.status, e.actor, e.note);
        }
    }

    public static CaseView from(SupportCase c, List<CaseEvent> history) {
        return new CaseView(c.id, c.contactId, c.problem, c.channel, c.openedAt, c.assignee, c.status, c.resolvedAt,
                c.resolvedOnFirstContact, c.confirmedAt, c.reopenCount, c.version,
                history == null ? null : history.stream().map(EventView::from).toList());
    }
}

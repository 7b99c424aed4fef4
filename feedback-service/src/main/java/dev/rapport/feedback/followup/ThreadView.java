package dev.rapport.feedback.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadView(UUID id, UUID consultationId, UUID initiativeId, UUID contactId, ThreadStatus status, Instant openedAt,
        int reopenCount, Instant lastActivity, List<MessageView> messages) {

    public record MessageView(UUID id, String author, boolean fromStaff, String body, Instant createdAt) {
        static MessageView from(ThreadMessage m) {
            return new MessageView(m.id, m.author, m.fromStaff, m.body, m.createdAt);
        }
    }

    public static ThreadView from(ConversationThread t, List<ThreadMessage> messages) {
        return new ThreadView(t.id, t.consultationId, t.initiativeId, t.contactId, t.status, t.openedAt, t.reopenCount,
                t.lastActivity, messages == null ? null : messages.stream().map(MessageView::from).toList());
    }
}

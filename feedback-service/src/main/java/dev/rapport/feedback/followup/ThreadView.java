package dev.rapport.feedback.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thread with its messages (GET /threads/{id}, a reply); lists answer {@link Summary}, without messages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadView(UUID id, UUID consultationId, UUID initiativeId, UUID contactId, ThreadStatus status, Instant openedAt,
        int reopenCount, Instant lastActivity, List<MessageView> messages) {

    public record MessageView(UUID id, String author, boolean fromStaff,
            @Schema(description = "What the author wrote, as they wrote it; empty when a NO came without a why") String body,
            @Schema(description = "The follow-up answer the person's message came with (NO or PARTLY), absent on any other "
                    + "message; readers render its label in their own language", example = "NO") Answer answer,
            Instant createdAt) {
        static MessageView from(ThreadMessage m, boolean showContact) {
            return of(m.id, m.author, m.fromStaff, m.body, m.answer, m.createdAt, showContact);
        }

        /** The person's own messages are signed "contact" unless the reader may see who they are. */
        static MessageView of(UUID id, String author, boolean fromStaff, String body, Answer answer, Instant createdAt,
                boolean showContact) {
            return new MessageView(id, showContact || fromStaff ? author : CUSTOMER, fromStaff, body, answer, createdAt);
        }
    }

    /** A thread in a list: its messages are read through GET /threads/messages, a bounded page per thread. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, UUID consultationId, UUID initiativeId, UUID contactId, ThreadStatus status, Instant openedAt,
            int reopenCount, Instant lastActivity) {
        static Summary from(ConversationThread t, boolean showContact) {
            return new Summary(t.id, t.consultationId, t.initiativeId, showContact || !t.anonymous ? t.contactId : null, t.status,
                    t.openedAt, t.reopenCount, t.lastActivity);
        }
    }

    /** How the person's own messages are signed when the thread is with an anonymous respondent. */
    public static final String CUSTOMER = "contact";

    public static String customerAuthor(ConversationThread t) {
        return t.anonymous ? CUSTOMER : "contact:" + t.contactId;
    }

    /**
     * The thread as a reader may see it: a thread with an anonymous respondent shows staff no contact id (its
     * initiative would say what the person rated).
     */
    public static ThreadView from(ConversationThread t, List<ThreadMessage> messages, boolean showContact) {
        boolean show = showContact || !t.anonymous;
        return new ThreadView(t.id, t.consultationId, t.initiativeId, show ? t.contactId : null, t.status, t.openedAt,
                t.reopenCount, t.lastActivity, messages == null ? List.of() : messages.stream().map(m -> MessageView.from(m, show)).toList());
    }
}

package dev.rapport.feedback.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpView(UUID id, UUID consultationId, UUID initiativeId, UUID actionId, UUID threadId, UUID contactId,
        Instant askedAt, Answer answer, String why, Instant answeredAt) {

    public static FollowUpView from(FollowUp f) {
        return new FollowUpView(f.id, f.consultationId, f.initiativeId, f.actionId, f.threadId, f.contactId, f.askedAt,
                f.answer, f.why, f.answeredAt);
    }
}

package dev.rapport.contacts.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpView(UUID id, UUID contactId, LocalDate dueOn, String topic, String note, FollowUp.StatedBy statedBy,
        String createdBy, Instant createdAt, Instant completedAt, String completedBy) {

    public static FollowUpView from(FollowUp f) {
        return new FollowUpView(f.id, f.contactId, f.dueOn, f.topic, f.note, f.statedBy, f.createdBy, f.createdAt,
                f.completedAt, f.completedBy);
    }
}

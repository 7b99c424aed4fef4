package dev.rapport.gateway.contact;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("\"Call me back in June about X\": what the person asked for, due on a day.")
public record FollowUp(@Id String id, @Id String contactId, LocalDate dueOn, String topic, String note, StatedBy statedBy,
        String createdBy, Instant createdAt, Instant completedAt, String completedBy) {
}

package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("WhyNotThread")
@Description("\"Tell us why not\": the conversation a NO reopens.")
public record Thread(@Id String id, @Id String consultationId, @Id String initiativeId, @Id String contactId, ThreadStatus status,
        Instant openedAt, int reopenCount, Instant lastActivity, List<Message> messages) {

    public record Message(String id, String author, boolean fromStaff, String body, Instant createdAt) {
    }
}

package dev.rapport.gateway.feedback;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("\"Does this work for you?\" after a published action: YES, PARTLY or NO (with why); a NO reopens the thread.")
public record LoopFollowUp(@Id String id, @Id String consultationId, @Id String initiativeId, @Id String actionId, @Id String threadId,
        @Id String contactId, Instant askedAt, LoopAnswer answer, String why, Instant answeredAt) {
}

package dev.rapport.gateway.feedback;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("\"You said, we did\": the company's decision on an initiative, published to the people who rated it.")
public record Action(@Id String id, @Id String consultationId, @Id String initiativeId,
        ActionDecision decision, String description, String reason,
        Instant createdAt, Instant publishedAt) {

    public record Publication(Action action, int recipients, int unreachableAnonymous) {
    }
}

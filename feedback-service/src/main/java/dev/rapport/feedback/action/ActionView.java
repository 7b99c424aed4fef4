package dev.rapport.feedback.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(UUID id, UUID consultationId, UUID initiativeId, Decision decision, String description, String reason,
        Instant createdAt, Instant publishedAt) {

    public static ActionView from(Action a) {
        return new ActionView(a.id, a.consultationId, a.initiativeId, a.decision, a.description, a.reason, a.createdAt,
                a.publishedAt);
    }
}

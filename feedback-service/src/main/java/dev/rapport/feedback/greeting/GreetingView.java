package dev.rapport.feedback.greeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record GreetingView(UUID id, String touchpoint, String staff, UUID contactId, Instant occurredAt, boolean greeted,
        boolean offeredHelp, GreetingResult result, String request, UUID caseId) {

    public static GreetingView from(Greeting g) {
        return new GreetingView(g.id, g.touchpoint, g.staff, g.contactId, g.occurredAt, g.greeted, g.offeredHelp, g.result,
                g.request, g.caseId);
    }
}

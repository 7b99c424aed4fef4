package dev.rapport.gateway.greeting;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("One visitor encounter: greeted?, offered help (\"Can I do anything for you?\"), and what came of it.")
public record Greeting(@Id String id, String touchpoint, String staff, @Id String contactId, Instant occurredAt, boolean greeted,
        boolean offeredHelp, GreetingResult result, String request,
        @Description("The case the request became (openCase)") @Id String caseId) {
}

package dev.rapport.gateway.greeting;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Passed through as JSON and validated by feedback-service. */
@Input("GreetingInput")
public record GreetingInput(String touchpoint, String staff, @Id String contactId, @Description("Defaults to now") Instant occurredAt,
        Boolean greeted, @Description("Asked \"Can I do anything for you?\"") Boolean offeredHelp,
        GreetingResult result,
        @Description("What they asked for, in their words (ASKED only)") String request,
        @Description("ASKED only: open a case for the request (needs contactId)") Boolean openCase) {
}

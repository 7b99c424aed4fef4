package dev.rapport.feedback.greeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One visitor encounter. A visitor not greeted is recorded too (greeted=false): that is what makes "share greeted"
 * mean something. ASKED needs the request; with openCase=true and a contactId it becomes a case.
 */
public record NewGreeting(
        @NotBlank @Size(max = 200) @Schema(example = "gate 4") String touchpoint,
        @Size(max = 200) @Schema(example = "jo.smith") String staff,
        UUID contactId,
        @PastOrPresent @Schema(description = "Defaults to now") Instant occurredAt,
        @NotNull Boolean greeted,
        @NotNull @Schema(description = "Asked \"Can I do anything for you?\"") Boolean offeredHelp,
        @NotNull GreetingResult result,
        @Size(max = 20000) @Schema(description = "What they asked for, in their words (ASKED only)") String request,
        @Schema(description = "ASKED only: open a case for the request (needs contactId)") Boolean openCase) {
}

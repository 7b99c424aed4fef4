package dev.rapport.feedback.supportcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewCase(
        @NotNull UUID contactId,
        @NotBlank @Size(max = 20000) @Schema(description = "The problem in the customer's own words", example = "My bill doubled and nobody can tell me why") String problem,
        @NotNull @Schema(example = "PHONE") CaseChannel channel,
        @PastOrPresent @Schema(description = "Defaults to now") Instant openedAt,
        @Size(max = 200) String assignee) {
}

package dev.rapport.feedback.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewAction(
        @NotNull UUID initiativeId,
        @NotNull @Schema(example = "WILL_DO") Decision decision,
        @NotBlank @Size(max = 10000) @Schema(example = "We will replace the lead pipes in 400 streets by 2029") String description,
        @Size(max = 10000) @Schema(description = "Required for WONT_DO") String reason) {
}

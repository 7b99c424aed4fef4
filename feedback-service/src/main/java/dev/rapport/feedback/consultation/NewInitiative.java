package dev.rapport.feedback.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewInitiative(
        @NotBlank @Size(max = 300) @Schema(example = "Replace lead pipes in older streets") String title,
        @Size(max = 4000) String description) {
}

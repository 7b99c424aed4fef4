package dev.rapport.feedback.renewal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewProgramme(@NotBlank @Size(max = 300) @Schema(example = "Season ticket") String name,
        @Size(max = 4000) String description) {
}

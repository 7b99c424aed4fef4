package dev.rapport.feedback.response;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewRating(
        @NotNull UUID initiativeId,
        @NotNull @Schema(example = "ESSENTIAL") Bucket bucket,
        @Size(max = 4000) String comment) {
}

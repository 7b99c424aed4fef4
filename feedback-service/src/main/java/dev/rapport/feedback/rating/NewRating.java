package dev.rapport.feedback.rating;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewRating(
        @NotNull @Schema(example = "CASE") SubjectType subjectType,
        @NotBlank @Size(max = 200) @Schema(description = "Interaction id, case id, or staff username", example = "0192f1c4-…") String subjectId,
        @Size(max = 200) @Schema(description = "Who served; defaults to subjectId for STAFF ratings", example = "jo.smith") String staff,
        @Size(max = 200) @Schema(example = "check-in desk") String touchpoint,
        @NotNull @Min(1) @Max(5) @Digits(integer = 1, fraction = 0, message = "must be a whole number of stars")
        @Schema(example = "4") BigDecimal stars,
        @Size(max = 10000) String comment,
        UUID contactId,
        @PastOrPresent @Schema(description = "Defaults to now") Instant ratedAt) {
}

package dev.rapport.feedback.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record FollowUpAnswer(
        @NotNull @Schema(example = "NO") Answer answer,
        @Size(max = 10000) @Schema(description = "Tell us why (for PARTLY or NO)", example = "My street is not on the list") String why) {
}

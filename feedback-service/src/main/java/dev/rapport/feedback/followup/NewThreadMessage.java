package dev.rapport.feedback.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewThreadMessage(
        @NotBlank @Size(max = 10000) String body,
        @Schema(description = "Staff only: ask \"does this work for you now?\" with the reply (default true)") Boolean askAgain) {
}

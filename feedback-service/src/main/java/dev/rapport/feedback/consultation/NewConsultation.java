package dev.rapport.feedback.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consultation starts as a draft with its initiatives (more may be added while it is a draft). */
public record NewConsultation(
        @NotBlank @Size(max = 300) @Schema(example = "Our plans for 2027-2032") String title,
        @NotBlank @Size(max = 10000) @Schema(description = "Why we ask and what we will do with the answers") String purpose,
        @Size(max = 1000) List<@NotNull @Valid NewInitiative> initiatives) {
}

package dev.rapport.contacts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewFollowUp(
        @NotNull @Schema(example = "2027-06-01") LocalDate dueOn,
        @NotBlank @Size(max = 300) @Schema(example = "Renewal of the support contract") String topic,
        @Size(max = 4000) String note,
        @Schema(description = "Who asked for it; defaults to CONTACT (the person's own words)") FollowUp.StatedBy statedBy) {
}

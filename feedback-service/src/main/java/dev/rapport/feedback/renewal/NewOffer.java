package dev.rapport.feedback.renewal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An early-renewal offer to the undecided members of the chosen score tiers; with {@code segmentId}, only to those of them
 * who are members of that contacts-service segment.
 */
public record NewOffer(
        @NotBlank @Pattern(regexp = ProgrammeService.PERIOD, message = "must be letters, digits, / _ . - (e.g. 2026/27)") String period,
        @NotEmpty @Size(max = 5) @Schema(example = "[4, 5]") Set<@NotNull @Min(1) @Max(5) Integer> tiers,
        @NotBlank @Pattern(regexp = "^[A-Z_]{2,20}$", message = "must be a channel code such as POSTAL or EMAIL")
        @Schema(example = "POSTAL") String channel,
        @Size(max = 200) @Schema(description = "Defaults to renewal-offer:<programme>:<period>") String campaign,
        @Schema(description = "A contacts-service segment: only its members (read a page at a time when the offer is sent) "
                + "among the undecided members of the tiers; the offer records the segment and the version of its definition")
        UUID segmentId) {
}

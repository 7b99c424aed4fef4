package dev.rapport.consent.purpose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose as an admin creates or replaces it. {@code version} is required on replace. */
public record PurposeInput(
        @NotNull @Pattern(regexp = Purposes.CODE_PATTERN, message = "must be lower-case letters, digits and dashes, 2-63 characters")
        @Schema(example = "newsletter") String code,
        @NotBlank @Size(max = 1000) @Schema(example = "Monthly product newsletter") String description,
        @NotNull @Schema(description = "Default lawful basis; CONSENT purposes need a grant before anyone is contacted")
        LawfulBasis lawfulBasis,
        @Schema(description = "The version you read; required when replacing") Long version) {
}

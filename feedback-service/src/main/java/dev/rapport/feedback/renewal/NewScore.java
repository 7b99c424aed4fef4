package dev.rapport.feedback.renewal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewScore(
        @NotNull UUID contactId,
        @NotBlank @Pattern(regexp = ProgrammeService.PERIOD, message = "must be letters, digits, / _ . - (e.g. 2026/27)") String period,
        @NotNull @Min(1) @Max(5) @Digits(integer = 1, fraction = 0, message = "must be a whole number from 1 to 5") BigDecimal score,
        @Size(max = 200) @Schema(description = "Who or what scored; defaults to the caller") String scoredBy,
        @Size(max = 4000) String note) {
}

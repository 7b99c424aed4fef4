package dev.rapport.feedback.renewal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

public record NewOutcome(
        @NotNull UUID contactId,
        @NotBlank @Pattern(regexp = ProgrammeService.PERIOD, message = "must be letters, digits, / _ . - (e.g. 2026/27)") String period,
        @NotNull Outcome outcome) {
}

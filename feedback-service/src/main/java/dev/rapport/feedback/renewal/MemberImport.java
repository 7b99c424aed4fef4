package dev.rapport.feedback.renewal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Members with scores and outcomes for one period; re-importing the same rows changes nothing. */
public record MemberImport(
        @NotBlank @Pattern(regexp = ProgrammeService.PERIOD, message = "must be letters, digits, / _ . - (e.g. 2026/27)")
        @Schema(example = "2026/27") String period,
        @Size(max = 200) @Schema(description = "Who or what produced the scores", example = "model:renewal-v3") String scoredBy,
        @NotEmpty @Size(max = 100_000) List<@NotNull @Valid MemberRow> rows) {
}

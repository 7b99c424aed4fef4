package dev.rapport.feedback.supportcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Resolution(
        @NotBlank @Size(max = 20000) @Schema(description = "What was done") String note,
        @Schema(description = "Resolved during the contact in which it was raised") Boolean onFirstContact,
        @Schema(description = "Ask the customer \"is it resolved?\" through outreach (default true)") Boolean askCustomer,
        @PastOrPresent @Schema(description = "When it was resolved, if recorded later; defaults to now") Instant resolvedAt) {
}

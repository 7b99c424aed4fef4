package dev.rapport.feedback.consultation;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record StatusChange(
        @NotNull @Schema(description = "DRAFT → OPEN → CLOSED → ANSWERED (CLOSED may reopen)", example = "OPEN") ConsultationStatus status) {
}

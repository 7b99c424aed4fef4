package dev.rapport.contacts.contactpoint;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Provenance(
        @NotNull ProvenanceKind kind,
        @Size(max = 300) @Schema(description = "Form or conversation (PROVIDED_BY_CONTACT), file name (IMPORTED), vendor (ENRICHMENT)",
                example = "webinar-signup-form") String source) {
}

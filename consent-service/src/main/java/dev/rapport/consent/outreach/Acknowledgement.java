package dev.rapport.consent.outreach;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Acknowledgement(
        @NotNull UUID leaseId,
        @NotNull @Schema(description = "DELIVERED (becomes a touch), BOUNCED (final; the contact point is not used again until it changes) or FAILED (final)") Outcome outcome,
        @Size(max = 1000) String detail) {

    public enum Outcome {
        DELIVERED, BOUNCED, FAILED
    }
}

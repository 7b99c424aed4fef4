package dev.rapport.consent.linkopen;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often one signed link has opened a session, this time included. */
public record LinkOpen(UUID linkId,
        @Schema(description = "Sessions this link has opened, this one included", example = "1") int opens,
        Instant firstOpenedAt) {
}

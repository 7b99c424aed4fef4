package dev.rapport.consent.outreach;

import dev.rapport.consent.common.Channel;
import dev.rapport.consent.purpose.Purposes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to get a message to a person (docs/contracts.md). */
public record OutreachRequest(
        @NotNull UUID contactId,
        @NotNull @Pattern(regexp = Purposes.CODE_PATTERN, message = "is not a purpose code") @Schema(example = "survey") String purpose,
        @Schema(description = "Any channel the person allows when absent (their preferred first)") Channel channel,
        UUID contactPointId,
        @Size(max = 200) @Schema(example = "consultation:0192f1c4") String campaign,
        @Size(max = 500) @Schema(description = "What to send, as the delivery integration understands it", example = "feedback:invitation:0192f1c4") String payloadRef) {
}

package dev.rapport.contacts.interaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event pushed by a partner integration. {@code (source, externalId)} identifies it: sending it again
 * (a retry) never creates a second one. The contact is named by {@code contactId} or by {@code contactPoint}.
 */
public record NewInteraction(
        UUID contactId,
        @Valid ContactPointRef contactPoint,
        @NotNull InteractionType type,
        @NotNull @Schema(example = "2026-11-20T14:03:00Z") Instant occurredAt,
        @NotBlank @Size(max = 100) @Schema(description = "The integration that saw it", example = "shopify") String source,
        @NotBlank @Size(max = 200) @Schema(description = "The integration's own id for the event", example = "order-100234") String externalId,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 50) String channel,
        @Size(max = 500) String subject,
        @Size(max = 50) Map<@Size(max = 100) String, @Size(max = 2000) String> details) {
}

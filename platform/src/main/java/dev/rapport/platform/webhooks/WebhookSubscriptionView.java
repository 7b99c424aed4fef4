package dev.rapport.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's webhook subscription. {@code secret} is present only in the answer to its registration: Rapport keeps it
 * to sign, and never shows it again.
 */
@RegisterForReflection
public record WebhookSubscriptionView(UUID id, String url, String description, List<String> eventTypes,
        @Schema(description = "ACTIVE: delivering; PAUSED: an admin paused it (events wait); FAILING: a delivery kept "
                + "failing for the retry period (events wait until an admin resumes it)") Status status,
        Instant createdAt, String createdBy, Instant updatedAt, Instant failingSince,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "After a secret rotation: until when the previous secret signs too (a second signature)")
        Instant previousSecretValidUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret (whsec_…), only in the registration's answer", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    public enum Status { ACTIVE, PAUSED, FAILING }

    WebhookSubscriptionView withSecret(String s) {
        return new WebhookSubscriptionView(id, url, description, eventTypes, status, createdAt, createdBy, updatedAt,
                failingSince, previousSecretValidUntil, s);
    }
}

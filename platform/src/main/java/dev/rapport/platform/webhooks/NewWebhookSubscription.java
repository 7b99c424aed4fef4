package dev.rapport.platform.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription to register. Without {@code secret} Rapport generates one and answers it once. */
public record NewWebhookSubscription(
        @NotBlank @Size(max = 2000) @Schema(example = "https://partner.example.com/rapport/webhooks") String url,
        @NotEmpty @Size(max = 50) @Schema(example = "[\"contact.created\", \"contact.merged\"]") List<String> eventTypes,
        @Size(max = 500) String description,
        @Schema(description = "whsec_ followed by the base64 of 24 to 64 random bytes; omit it to have one generated")
        String secret) {
}

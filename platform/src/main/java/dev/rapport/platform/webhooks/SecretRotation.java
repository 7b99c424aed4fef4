package dev.rapport.platform.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A secret rotation: the new secret, or none to have one generated (answered once either way). */
public record SecretRotation(
        @Schema(description = "whsec_ followed by the base64 of 24 to 64 random bytes; omit it to have one generated")
        String secret) {
}

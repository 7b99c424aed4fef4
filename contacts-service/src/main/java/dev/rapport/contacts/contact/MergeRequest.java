package dev.rapport.contacts.contact;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MergeRequest(
        @NotNull @Schema(description = "The duplicate to merge into this contact; its id keeps resolving to this one") UUID mergeId,
        @Schema(description = "This contact's version as you read it; a stale one gets 409") Long version) {
}

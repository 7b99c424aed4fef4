package dev.rapport.contacts.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a contact's own fields (contact points have their own endpoints). */
public record ContactUpdate(
        @Size(max = 200) String givenName,
        @Size(max = 200) String familyName,
        @Size(max = 400) String displayName,
        UUID organisationId,
        @Size(max = 200) String owner,
        @NotNull LifecycleStage lifecycleStage,
        @Size(max = 50) List<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*$",
                message = "must be letters, digits, space, _ . : -") String> tags,
        @NotNull @Schema(description = "The version you read; a stale one gets 409", example = "3") Long version,
        @Size(max = LanguageTag.MAX_LENGTH) @Schema(description = "The language the person reads, a BCP 47 tag. Absent or null "
                + "keeps the current one (often the person's own choice); an empty string clears it", example = "fr")
        String language) {
}

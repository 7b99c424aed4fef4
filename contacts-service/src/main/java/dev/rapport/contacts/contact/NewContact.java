package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.NewContactPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as the API accepts it on creation; contact points may come with it. */
public record NewContact(
        @Size(max = 200) String givenName,
        @Size(max = 200) String familyName,
        @Size(max = 400) @Schema(description = "Defaults to given and family name") String displayName,
        UUID organisationId,
        @Size(max = 200) @Schema(description = "Staff member who owns the relationship (their username)", example = "alice") String owner,
        @Schema(description = "Defaults to PROSPECT") LifecycleStage lifecycleStage,
        @Size(max = 50) List<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*$",
                message = "must be letters, digits, space, _ . : -") String> tags,
        @Size(max = 50) List<@NotNull @Valid NewContactPoint> contactPoints,
        @Size(max = LanguageTag.MAX_LENGTH) @Schema(description = "The language the person reads, a BCP 47 tag; absent: the "
                + "deployment's default", example = "fr-CA") String language) {
}

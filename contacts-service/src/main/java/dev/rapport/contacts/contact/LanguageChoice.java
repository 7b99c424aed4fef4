package dev.rapport.contacts.contact;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The language a person reads; null or blank clears it (the deployment's default applies). */
public record LanguageChoice(
        @Size(max = LanguageTag.MAX_LENGTH) @Schema(description = "A BCP 47 tag such as en, fr, ar or fr-CA", example = "fr")
        String language) {
}

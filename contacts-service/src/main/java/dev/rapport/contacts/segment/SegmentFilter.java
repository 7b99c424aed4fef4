package dev.rapport.contacts.segment;

import dev.rapport.contacts.contact.ContactSearchQueries;
import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import dev.rapport.contacts.signal.SignalKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The criteria of a FILTER segment: those of the contact search (GET /contacts), all combined with AND. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentFilter(
        @Size(max = 200) @Schema(description = "Part of the display name, any case", example = "smith") String name,
        UUID organisationId,
        @Size(max = 50) @Schema(description = "Every one of these tags", example = "[\"vip\"]")
        List<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*$",
                message = "must be letters, digits, space, _ . : -") String> tags,
        LifecycleStage stage,
        @Schema(description = "Has a contact point on this channel") Channel channel,
        @Schema(description = "Has a contact point of this provenance") ProvenanceKind provenance,
        @Schema(description = "Lifetime spend in the headline currency at least this", example = "500") BigDecimal minValue,
        @Schema(description = "Lifetime spend at most this") BigDecimal maxValue,
        @Schema(description = "Has this signal due") SignalKind signal,
        @Size(max = 200) @Schema(description = "Owner's username; \"me\" is stored as the saving user's name", example = "alice")
        String owner,
        @Schema(description = "Created at or after") Instant createdFrom,
        @Schema(description = "Created before") Instant createdTo) {

    /** The same criteria with tags lower-cased and "me" resolved, as they are stored. */
    SegmentFilter normalised(String caller) {
        return new SegmentFilter(name == null || name.isBlank() ? null : name.strip(), organisationId,
                tags == null || tags.isEmpty() ? null : tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toList(),
                stage, channel, provenance, minValue, maxValue, signal, "me".equals(owner) ? caller : owner, createdFrom, createdTo);
    }

    ContactSearchQueries.Filter toSearch() {
        return new ContactSearchQueries.Filter(name, organisationId, tags, stage, channel, provenance, minValue, maxValue, signal, owner,
                createdFrom, createdTo, null, null);
    }
}

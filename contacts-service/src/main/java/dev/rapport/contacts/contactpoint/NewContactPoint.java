package dev.rapport.contacts.contactpoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact point as the API accepts it. Postal points use {@code postal}; every other channel uses {@code address}. */
public record NewContactPoint(
        @NotNull Channel channel,
        @Size(max = 320) @Schema(description = "E-mail, phone number (E.164 or national with region) or social handle",
                example = "+44 20 7946 0018") String address,
        @Valid PostalAddress postal,
        @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code")
        @Schema(description = "Region for a phone number written without +country code", example = "GB") String region,
        @NotNull PointContext context,
        @NotNull @Valid Provenance provenance,
        @Schema(description = "When we learned it; defaults to now") Instant capturedAt,
        @Schema(description = "When it was last proven to reach the person") Instant verifiedAt) {
}

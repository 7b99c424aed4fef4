package dev.rapport.feedback.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who to invite. The audience is a list of contacts (a segment resolved by the caller; contacts-service has no
 * segment API yet), optionally named by {@code segmentRef}; {@code attributes} apply to everyone in the list and a
 * member's own attributes win.
 */
public record InviteRequest(
        @NotEmpty @Size(max = 100_000) List<@NotNull @Valid AudienceMember> audience,
        @Size(max = 200) @Schema(description = "The segment this audience was drawn from", example = "north-households-2026")
        String segmentRef,
        @Size(max = 20) @Schema(example = "{\"region\": \"north\"}")
        Map<@NotNull @Pattern(regexp = KEY, message = "must be a letter then letters, digits, _ . -") String,
                @NotNull @Size(max = 200) String> attributes,
        @Pattern(regexp = "^[A-Z_]{2,20}$", message = "must be a channel code such as EMAIL or POSTAL")
        @Schema(description = "Channel to ask for; empty lets consent-service pick the person's preferred one", example = "EMAIL")
        String channel) {

    static final String KEY = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";
}

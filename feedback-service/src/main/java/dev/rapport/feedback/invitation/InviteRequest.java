package dev.rapport.feedback.invitation;

import dev.rapport.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who to invite: a list of contacts ({@code audience}, optionally named by {@code segmentRef}) or a contacts-service
 * segment ({@code segmentId}), exactly one of the two. {@code attributes} apply to everyone and a member's own
 * attributes win.
 */
public record InviteRequest(
        @Size(max = 100_000) List<@NotNull @Valid AudienceMember> audience,
        @Schema(description = "A contacts-service segment to invite instead of a list: its members are read a page at a time "
                + "when the request arrives, and each invitation records the segment and the version of its definition")
        UUID segmentId,
        @Size(max = 200) @Schema(description = "The segment this audience was drawn from", example = "north-households-2026")
        String segmentRef,
        @Size(max = 20) @Schema(example = "{\"region\": \"north\"}")
        Map<@NotNull @Pattern(regexp = KEY, message = "must be a letter then letters, digits, _ . -") String,
                @NotNull @Size(max = 200) String> attributes,
        @Pattern(regexp = "^[A-Z_]{2,20}$", message = "must be a channel code such as EMAIL or POSTAL")
        @Schema(description = "Channel to ask for; empty lets consent-service pick the person's preferred one", example = "EMAIL")
        String channel) {

    static final String KEY = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

    /** Exactly one of a list and a segment. */
    void assertOneAudience() {
        boolean list = audience != null && !audience.isEmpty();
        if (list == (segmentId != null)) {
            throw ProblemException.badField(list ? "segmentId" : "audience",
                    list ? "must be absent when audience is given" : "is required (or give segmentId)");
        }
    }
}

package dev.rapport.feedback.invitation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AudienceMember(
        @NotNull UUID contactId,
        @Size(max = 20) @Schema(description = "Segment attributes of this person, kept with the invitation for filtering priorities",
                example = "{\"tier\": \"gold\"}")
        Map<@NotNull @Pattern(regexp = InviteRequest.KEY, message = "must be a letter then letters, digits, _ . -") String,
                @NotNull @Size(max = 200) String> attributes) {
}

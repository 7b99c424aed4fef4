package dev.rapport.feedback.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answers to one invitation: name it by {@code invitationToken} (the link's secret) or by {@code invitationId}
 * (the invited contact themselves, or staff keying in a paper form). Rate any subset of the initiatives.
 */
public record NewResponse(
        @Size(max = 200) String invitationToken,
        UUID invitationId,
        @Schema(description = "Store no contact id with the answers") Boolean anonymous,
        @Schema(description = "Anonymous only: may we tell you what we do about the initiatives you rated?")
        Boolean allowReply,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid NewRating> ratings) {
}

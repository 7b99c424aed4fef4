package dev.rapport.feedback.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.feedback.outreach.DispatchSummary;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code invited} new invitations were recorded ({@code alreadyInvited} people were skipped); {@code delivery} says
 * what consent-service decided — null when the audience is large and sending continues in the background.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationBatchView(UUID consultationId, int requested, int invited, int alreadyInvited,
        DispatchSummary delivery,
        @Schema(description = "The segment invited, when the audience was one") UUID segmentId,
        @Schema(description = "The version of the segment's definition its members were read with") Integer segmentVersion) {

    InvitationBatchView(UUID consultationId, int requested, int invited, int alreadyInvited, DispatchSummary delivery) {
        this(consultationId, requested, invited, alreadyInvited, delivery, null, null);
    }
}

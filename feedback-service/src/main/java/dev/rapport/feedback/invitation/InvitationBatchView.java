package dev.rapport.feedback.invitation;

import dev.rapport.feedback.outreach.DispatchSummary;
import java.util.UUID;

/**
 * {@code invited} new invitations were recorded ({@code alreadyInvited} people were skipped); {@code delivery} says
 * what consent-service decided — null when the audience is large and sending continues in the background.
 */
public record InvitationBatchView(UUID consultationId, int requested, int invited, int alreadyInvited,
        DispatchSummary delivery) {
}

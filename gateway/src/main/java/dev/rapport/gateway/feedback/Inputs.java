package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** What mutations accept for feedback-service; passed through as JSON and validated there. */
public final class Inputs {
    private Inputs() {
    }

    @Input("CaseInput")
    public record NewCase(@Id String contactId, String problem, CaseChannel channel,
            Instant openedAt, String assignee) {
    }

    @Input("CaseAssignmentInput")
    public record Assignment(String assignee, String note) {
    }

    @Input("CaseResolutionInput")
    public record Resolution(String note, Boolean onFirstContact, Boolean askCustomer, Instant resolvedAt) {
    }

    @Input("CaseConfirmationInput")
    public record Confirmation(CaseOutcome outcome, String comment) {
    }

    @Input("CaseReopeningInput")
    public record Reopening(String note) {
    }

    @Input("InitiativeInput")
    public record NewInitiative(String title, String description) {
    }

    @Input("ConsultationInput")
    public record NewConsultation(String title, String purpose, List<NewInitiative> initiatives) {
    }

    @Input("AudienceMemberInput")
    public record AudienceMember(@Id String contactId) {
    }

    @Input("InviteInput")
    @Description("Who to invite: audience (contact ids) or segmentId (a saved segment, read when the invitation is sent), "
            + "exactly one of the two.")
    public record Invite(List<AudienceMember> audience,
            @Id @Description("A segment (see segments): its members now; each invitation records the segment and its version")
            String segmentId, String segmentRef, dev.rapport.gateway.common.Channel channel) {
    }

    @Input("InitiativeRatingInput")
    public record NewRating(@Id String initiativeId,
            Bucket bucket, String comment) {
    }

    @Input("ConsultationResponseInput")
    public record NewResponse(String invitationToken, @Id String invitationId, Boolean anonymous, Boolean allowReply,
            List<NewRating> ratings) {
    }

    @Input("ActionInput")
    public record NewAction(@Id String initiativeId, ActionDecision decision, String description, String reason) {
    }

    @Input("FollowUpAnswerInput")
    public record FollowUpAnswer(LoopAnswer answer, String why) {
    }

    @Input("ThreadMessageInput")
    public record NewThreadMessage(String body, Boolean askAgain) {
    }
}

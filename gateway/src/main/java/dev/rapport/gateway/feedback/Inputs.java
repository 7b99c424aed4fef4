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
    public record NewCase(@Id String contactId, String problem, @Description("PHONE, EMAIL, CHAT, IN_PERSON, …") String channel,
            Instant openedAt, String assignee) {
    }

    @Input("CaseAssignmentInput")
    public record Assignment(String assignee, String note) {
    }

    @Input("CaseResolutionInput")
    public record Resolution(String note, Boolean onFirstContact, Boolean askCustomer, Instant resolvedAt) {
    }

    @Input("CaseConfirmationInput")
    public record Confirmation(@Description("CONFIRMED or NOT_RESOLVED") String outcome, String comment) {
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
    public record Invite(List<AudienceMember> audience, String segmentRef, String channel) {
    }

    @Input("InitiativeRatingInput")
    public record NewRating(@Id String initiativeId,
            @Description("ESSENTIAL, IMPORTANT, LOW_BUT_IMPORTANT or NOT_IMPORTANT") String bucket, String comment) {
    }

    @Input("ConsultationResponseInput")
    public record NewResponse(String invitationToken, @Id String invitationId, Boolean anonymous, Boolean allowReply,
            List<NewRating> ratings) {
    }

    @Input("ActionInput")
    public record NewAction(@Id String initiativeId, String decision, String description, String reason) {
    }

    @Input("FollowUpAnswerInput")
    public record FollowUpAnswer(@Description("YES, PARTLY or NO") String answer, String why) {
    }

    @Input("ThreadMessageInput")
    public record NewThreadMessage(String body, Boolean askAgain) {
    }
}

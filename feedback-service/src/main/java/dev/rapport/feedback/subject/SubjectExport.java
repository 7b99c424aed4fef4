package dev.rapport.feedback.subject;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.rapport.feedback.followup.FollowUpView;
import dev.rapport.feedback.invitation.InvitationView;
import dev.rapport.feedback.person.RenewalScoreView;
import dev.rapport.feedback.rating.RatingView;
import dev.rapport.feedback.response.ResponseView;
import dev.rapport.feedback.supportcase.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything feedback-service holds about a person (GDPR Art. 15 / 20), as one document. The raw parts are JSON arrays
 * read straight from the database: case history, "why not" threads with their messages, greetings, renewal
 * memberships and every message sent to the person through consent-service outreach.
 */
public record SubjectExport(UUID contactId, Instant exportedAt, Instant erasedAt, List<CaseView> cases,
        @JsonRawValue String caseHistory, List<InvitationView> invitations, List<ResponseView> responses,
        List<FollowUpView> loopFollowUps, @JsonRawValue String threads, List<RatingView> ratings,
        @JsonRawValue String greetings, @JsonRawValue String renewalMemberships, List<RenewalScoreView> renewalScores,
        @JsonRawValue String messages) {
}

package dev.rapport.feedback.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.feedback.response.Response;
import dev.rapport.feedback.supportcase.SupportCase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook events feedback-service sends and their {@code data} (docs/webhooks.md): ids and what changed, never the
 * case's problem, a comment or a rating's words. An anonymous response names no contact and no invitation (the
 * invitation would name the person).
 */
public final class FeedbackEvents {
    public static final String CASE_CONFIRMED = "case.confirmed";
    public static final String CASE_REOPENED = "case.reopened";
    public static final String RESPONSE_RECEIVED = "response.received";
    public static final List<String> ALL = List.of(CASE_CONFIRMED, CASE_REOPENED, RESPONSE_RECEIVED);

    /** Why a case was reopened: the customer said it is not resolved, or someone reopened it afterwards. */
    public enum ReopenCause { NOT_RESOLVED, REOPENED }

    private FeedbackEvents() {
    }

    /** The customer confirmed the case resolved. */
    @RegisterForReflection
    public record CaseConfirmed(UUID caseId, UUID contactId, Instant resolvedAt, Instant confirmedAt,
            boolean resolvedOnFirstContact, int reopenCount) {

        public static CaseConfirmed of(SupportCase c) {
            return new CaseConfirmed(c.id, c.contactId, c.resolvedAt, c.confirmedAt, c.resolvedOnFirstContact, c.reopenCount);
        }
    }

    /** A resolved or confirmed case is open again. */
    @RegisterForReflection
    public record CaseReopened(UUID caseId, UUID contactId, ReopenCause cause, int reopenCount) {

        public static CaseReopened of(SupportCase c, ReopenCause cause) {
            return new CaseReopened(c.id, c.contactId, cause, c.reopenCount);
        }
    }

    /**
     * A consultation response was submitted. An anonymous one carries only its consultation and how many ratings it has:
     * like the responses export, nothing that could be joined with other data to find its author (no contact, no
     * invitation, no response id, no time beyond the envelope's).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseReceived(UUID responseId, UUID consultationId, boolean anonymous, UUID contactId, UUID invitationId,
            int ratings, Instant submittedAt) {

        public static ResponseReceived of(Response r, UUID invitationId, int ratings) {
            return r.anonymous ? new ResponseReceived(null, r.consultationId, true, null, null, ratings, null)
                    : new ResponseReceived(r.id, r.consultationId, false, r.contactId, invitationId, ratings, r.submittedAt);
        }
    }
}

package dev.rapport.gateway.clients.feedback;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.feedback.Action;
import dev.rapport.gateway.feedback.Consultation;
import dev.rapport.gateway.feedback.FeedbackResponse;
import dev.rapport.gateway.feedback.Inputs;
import dev.rapport.gateway.feedback.Invitation;
import dev.rapport.gateway.feedback.LoopFollowUp;
import dev.rapport.gateway.feedback.LoopMetrics;
import dev.rapport.gateway.feedback.Priorities;
import dev.rapport.gateway.feedback.Rating;
import dev.rapport.gateway.feedback.RenewalScore;
import dev.rapport.gateway.feedback.SupportCase;
import dev.rapport.gateway.feedback.Thread;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** feedback-service behind timeouts and a circuit breaker; reads are retried, writes are not. */
@ApplicationScoped
@Timeout(2000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemResponse.class)
public class FeedbackClient {
    public static final String SERVICE = "feedback-service";
    /** feedback-service's limit for GET /by-contact/…?contactIds=. */
    public static final int MAX_IDS = 500;

    @Inject
    @RestClient
    FeedbackRestClient rest;

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<SupportCase>> cases(String auth, String contactId, String status, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.cases(auth, contactId, status, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SupportCase> supportCase(String auth, String id) {
        return Downstream.notFoundAsNull(rest.supportCase(auth, id));
    }

    public Uni<SupportCase> openCase(String auth, Inputs.NewCase in) {
        return rest.openCase(auth, in);
    }

    /** assignment, resolution, confirmation or reopening. */
    public Uni<SupportCase> caseStep(String auth, String id, String step, Object in) {
        return rest.caseStep(auth, id, step, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Invitation>> invitations(String auth, String contactId, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.invitations(auth, contactId, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<LoopFollowUp>> followUps(String auth, String contactId) {
        return Downstream.notFoundAsNull(rest.followUps(auth, contactId));
    }

    public Uni<LoopFollowUp> answerFollowUp(String auth, String id, Inputs.FollowUpAnswer in) {
        return rest.answerFollowUp(auth, id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Thread> thread(String auth, String id) {
        return Downstream.notFoundAsNull(rest.thread(auth, id));
    }

    public Uni<Thread> postMessage(String auth, String id, Inputs.NewThreadMessage in) {
        return rest.postMessage(auth, id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Consultation>> consultations(String auth, String status, String cursor, Integer limit) {
        return rest.consultations(auth, status, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Consultation> consultation(String auth, String id) {
        return Downstream.notFoundAsNull(rest.consultation(auth, id));
    }

    public Uni<Consultation> createConsultation(String auth, Inputs.NewConsultation in) {
        return rest.createConsultation(auth, in);
    }

    public Uni<Consultation> addInitiative(String auth, String id, Inputs.NewInitiative in) {
        return rest.addInitiative(auth, id, in);
    }

    public Uni<Consultation> changeStatus(String auth, String id, String status) {
        return rest.changeStatus(auth, id, java.util.Map.of("status", status));
    }

    /** Invitations are idempotent per (consultation, contact) in feedback-service: a repeat skips those already invited. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Integer> invite(String auth, String consultationId, Inputs.Invite in) {
        return rest.invite(auth, consultationId, in).map(r -> {
            Object invited = r.readEntity(java.util.Map.class).get("invited");
            return invited instanceof Number n ? n.intValue() : 0;
        });
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Priorities> priorities(String auth, String consultationId) {
        return Downstream.notFoundAsNull(rest.priorities(auth, consultationId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<LoopMetrics> loopMetrics(String auth, String consultationId) {
        return Downstream.notFoundAsNull(rest.loopMetrics(auth, consultationId));
    }

    public Uni<FeedbackResponse> submitResponse(String auth, Inputs.NewResponse in) {
        return rest.submitResponse(auth, in);
    }

    public Uni<Action> createAction(String auth, Inputs.NewAction in) {
        return rest.createAction(auth, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Action>> actions(String auth, String consultationId) {
        return rest.actions(auth, consultationId);
    }

    public Uni<Action.Publication> publishAction(String auth, String id) {
        return rest.publishAction(auth, id);
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<SupportCase>>> casesOf(String auth, List<String> contactIds, String status, Integer limit) {
        return rest.casesOf(auth, String.join(",", contactIds), status, limit).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<Invitation>>> invitationsOf(String auth, List<String> contactIds, Integer limit) {
        return rest.invitationsOf(auth, String.join(",", contactIds), limit).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<LoopFollowUp>>> followUpsOf(String auth, List<String> contactIds) {
        return rest.followUpsOf(auth, String.join(",", contactIds)).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<Rating>>> ratingsOf(String auth, List<String> contactIds, Integer limit) {
        return rest.ratingsOf(auth, String.join(",", contactIds), limit).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<FeedbackResponse>>> responsesOf(String auth, List<String> contactIds, Integer limit) {
        return rest.responsesOf(auth, String.join(",", contactIds), limit).map(found -> PerContact.lists(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<RenewalScore>>> renewalScoresOf(String auth, List<String> contactIds) {
        return rest.renewalScoresOf(auth, String.join(",", contactIds)).map(found -> PerContact.lists(contactIds, found));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<String> dataExport(String auth, String contactId) {
        return rest.dataExport(auth, contactId);
    }

    /** Erasure is idempotent (erasing twice leaves the same state), so it is retried. */
    @Retry(maxRetries = 3, delay = 200, maxDuration = 6000, abortOn = ProblemResponse.class)
    public Uni<Void> erase(String auth, String contactId) {
        return rest.erase(auth, contactId);
    }
}

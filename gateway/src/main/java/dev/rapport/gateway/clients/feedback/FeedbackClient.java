package dev.rapport.gateway.clients.feedback;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.clients.ReplaysFirstAnswer;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.feedback.Action;
import dev.rapport.gateway.feedback.CaseMetrics;
import dev.rapport.gateway.feedback.Consultation;
import dev.rapport.gateway.feedback.FeedbackResponse;
import dev.rapport.gateway.feedback.Inputs;
import dev.rapport.gateway.feedback.Invitation;
import dev.rapport.gateway.feedback.InvitationLink;
import dev.rapport.gateway.feedback.LoopFollowUp;
import dev.rapport.gateway.feedback.LoopMetrics;
import dev.rapport.gateway.feedback.NestedPage;
import dev.rapport.gateway.feedback.Priorities;
import dev.rapport.gateway.feedback.RenewalScore;
import dev.rapport.gateway.feedback.SupportCase;
import dev.rapport.gateway.feedback.Thread;
import dev.rapport.gateway.greeting.Greeting;
import dev.rapport.gateway.greeting.GreetingInput;
import dev.rapport.gateway.greeting.GreetingReport;
import dev.rapport.gateway.rating.Rating;
import dev.rapport.gateway.rating.RatingInput;
import dev.rapport.gateway.rating.RatingReport;
import dev.rapport.gateway.renewal.MemberImportResult;
import dev.rapport.gateway.renewal.Offer;
import dev.rapport.gateway.renewal.Programme;
import dev.rapport.gateway.renewal.RenewalReport;
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
    public Uni<Page<SupportCase>> cases(String contactId, String status, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.cases(contactId, status, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<SupportCase>> caseList(String status, String assignee, String cursor, Integer limit) {
        return rest.caseList(status, assignee, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<SupportCase> supportCase(String id) {
        return Downstream.notFoundAsNull(rest.supportCase(id));
    }

    public Uni<SupportCase> openCase(Inputs.NewCase in) {
        return rest.openCase(in);
    }

    public Uni<SupportCase> assign(String id, Inputs.Assignment in) {
        return rest.assign(id, in);
    }

    public Uni<SupportCase> resolve(String id, Inputs.Resolution in) {
        return rest.resolve(id, in);
    }

    public Uni<SupportCase> confirm(String id, Inputs.Confirmation in) {
        return rest.confirm(id, in);
    }

    public Uni<SupportCase> reopen(String id, Inputs.Reopening in) {
        return rest.reopen(id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Invitation>> invitations(String contactId, String cursor, Integer limit) {
        return Downstream.notFoundAsNull(rest.invitations(contactId, cursor, limit));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<LoopFollowUp>> followUps(String contactId) {
        return Downstream.notFoundAsNull(rest.followUps(contactId));
    }

    public Uni<LoopFollowUp> answerFollowUp(String id, Inputs.FollowUpAnswer in) {
        return rest.answerFollowUp(id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Thread> thread(String id) {
        return Downstream.notFoundAsNull(rest.thread(id));
    }

    public Uni<Thread> postMessage(String id, Inputs.NewThreadMessage in) {
        return rest.postMessage(id, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Consultation>> consultations(String status, String cursor, Integer limit) {
        return rest.consultations(status, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Consultation> consultation(String id) {
        return Downstream.notFoundAsNull(rest.consultation(id));
    }

    @Timeout(30000)
    public Uni<Consultation> createConsultation(Inputs.NewConsultation in) {
        return rest.createConsultation(in);
    }

    public Uni<Consultation> addInitiative(String id, Inputs.NewInitiative in) {
        return rest.addInitiative(id, in);
    }

    public Uni<Consultation> changeStatus(String id, String status) {
        return rest.changeStatus(id, new StatusChange(status));
    }

    /**
     * Never retried: feedback-service skips people already invited, so a repeat after a lost answer answers 0 although
     * the first call invited everyone. Sending a large audience takes time (feedback-service answers 202 above its inline
     * limit and sends in the background), so this write waits longer than the reads.
     */
    @Timeout(30000)
    public Uni<Integer> invite(String consultationId, Inputs.Invite in) {
        return rest.invite(consultationId, in).map(r -> {
            Object invited = r.readEntity(java.util.Map.class).get("invited");
            return invited instanceof Number n ? n.intValue() : 0;
        });
    }

    /**
     * Reports over every response scan the consultation's ratings: ~3 s at 100,000 responses (bench/feedback), and loop
     * metrics over 500 respondents took longer than 2 s on a busy 2-core machine. They get the time they need.
     */
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 100, maxDuration = 25000, abortOn = ProblemResponse.class)
    public Uni<Priorities> priorities(String consultationId, List<String> segment) {
        return Downstream.notFoundAsNull(rest.priorities(consultationId, segment));
    }

    /** The CSV exports are reports too; the responses export of a large consultation reads every rating. */
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 100, maxDuration = 25000, abortOn = ProblemResponse.class)
    public Uni<String> prioritiesCsv(String consultationId, List<String> segment) {
        return Downstream.notFoundAsNull(rest.prioritiesCsv(consultationId, segment));
    }

    @Timeout(30000)
    @Retry(maxRetries = 1, delay = 100, maxDuration = 65000, abortOn = ProblemResponse.class)
    public Uni<String> responsesCsv(String consultationId) {
        return Downstream.notFoundAsNull(rest.responsesCsv(consultationId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<String> renewalReportCsv(String programmeId, String period) {
        return Downstream.notFoundAsNull(rest.renewalReportCsv(programmeId, period));
    }

    /** As priorities: a report, given the time it needs. */
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 100, maxDuration = 25000, abortOn = ProblemResponse.class)
    public Uni<LoopMetrics> loopMetrics(String consultationId) {
        return Downstream.notFoundAsNull(rest.loopMetrics(consultationId));
    }

    public Uni<FeedbackResponse> submitResponse(Inputs.NewResponse in) {
        return rest.submitResponse(in);
    }

    public Uni<Action> createAction(Inputs.NewAction in) {
        return rest.createAction(in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Action>> actions(String consultationId) {
        return rest.actions(consultationId);
    }

    @Timeout(30000)
    public Uni<Action.Publication> publishAction(String id) {
        return rest.publishAction(id);
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<SupportCase>>> casesOf(List<String> contactIds, String status, String cursor,
            Integer limit) {
        return rest.casesOf(String.join(",", contactIds), status, cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<Invitation>>> invitationsOf(List<String> contactIds, String cursor, Integer limit) {
        return rest.invitationsOf(String.join(",", contactIds), cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<LoopFollowUp>>> followUpsOf(List<String> contactIds, String cursor, Integer limit) {
        return rest.followUpsOf(String.join(",", contactIds), cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<Rating>>> ratingsOf(List<String> contactIds, String cursor, Integer limit) {
        return rest.ratingsOf(String.join(",", contactIds), cursor, limit).map(found -> PerContact.pages(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Page<FeedbackResponse>>> responsesOf(List<String> contactIds, String cursor, Integer limit) {
        return rest.responsesOf(String.join(",", contactIds), cursor, limit)
                .map(found -> PerContact.pages(contactIds, found));
    }

    /** One call for up to 500 contacts; one list per contact, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<List<RenewalScore>>> renewalScoresOf(List<String> contactIds) {
        return rest.renewalScoresOf(String.join(",", contactIds)).map(found -> PerContact.lists(contactIds, found));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<String> dataExport(String contactId) {
        return rest.dataExport(contactId);
    }

    /** Erasure is idempotent (erasing twice leaves the same state), so it is retried. */
    @ReplaysFirstAnswer("erasing twice leaves the same state; feedback-service answers 204 again")
    @Retry(maxRetries = 3, delay = 200, maxDuration = 6000, abortOn = ProblemResponse.class)
    @Timeout(30000)
    public Uni<Void> erase(String contactId) {
        return rest.erase(contactId);
    }

    // --- lookups, reports, ratings, greetings and renewal programmes -------------------------------------------------

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<CaseMetrics> caseMetrics(String from, String to) {
        return rest.caseMetrics(from, to);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Action> action(String id) {
        return Downstream.notFoundAsNull(rest.action(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<FeedbackResponse> response(String id) {
        return Downstream.notFoundAsNull(rest.response(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Invitation>> consultationInvitations(String consultationId, String status, String cursor,
            Integer limit) {
        return rest.consultationInvitations(consultationId, status, cursor, limit);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<InvitationLink> invitationLink(String invitationId) {
        return Downstream.notFoundAsNull(rest.invitationLink(invitationId));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<LoopFollowUp> followUp(String id) {
        return Downstream.notFoundAsNull(rest.followUp(id));
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Page<Thread>> threads(String consultationId, String contactId, String status, String cursor,
            Integer limit) {
        return rest.threads(consultationId, contactId, status, null, cursor, limit);
    }

    /** Up to 500 threads by id in one call: those found that the caller may see, in no particular order. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Thread>> threadsByIds(List<String> ids) {
        return rest.threads(null, null, null, String.join(",", ids), null, MAX_IDS).map(Page::itemsOrEmpty);
    }

    /** One call for up to 500 threads: a page of each one's messages, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<NestedPage<Thread.Message>>> threadMessages(List<String> threadIds, String cursor, Integer limit) {
        return rest.threadMessages(String.join(",", threadIds), cursor, limit).map(found -> NestedPage.inOrder(threadIds, found));
    }

    /** One call for up to 500 cases: a page of each one's steps, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<NestedPage<SupportCase.CaseEvent>>> caseHistory(List<String> caseIds, String cursor, Integer limit) {
        return rest.caseHistory(String.join(",", caseIds), cursor, limit).map(found -> NestedPage.inOrder(caseIds, found));
    }

    /** Up to 500 initiatives by id in one call: those that exist, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<Consultation.Initiative>> initiativesByIds(List<String> ids) {
        return rest.initiativesByIds(String.join(",", ids));
    }

    /** One call for up to 500 consultations: a page of each one's initiatives, in the order asked. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<NestedPage<Consultation.Initiative>>> initiatives(List<String> consultationIds, String cursor,
            Integer limit) {
        return rest.initiatives(String.join(",", consultationIds), cursor, limit)
                .map(found -> NestedPage.inOrder(consultationIds, found));
    }

    /** Retried only with an Idempotency-Key (feedback-service then answers a repeat with the first result). */
    public Uni<Rating> rate(String idempotencyKey, RatingInput in) {
        return rest.rate(idempotencyKey, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<RatingReport> ratingReport(String by, String from, String to, String subjectType) {
        return rest.ratingReport(by, from, to, subjectType);
    }

    public Uni<Greeting> recordGreeting(String idempotencyKey, GreetingInput in) {
        return rest.recordGreeting(idempotencyKey, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<GreetingReport> greetingReport(String from, String to) {
        return rest.greetingReport(from, to);
    }

    public Uni<Programme> createProgramme(dev.rapport.gateway.renewal.Inputs.NewProgramme in) {
        return rest.createProgramme(in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<List<dev.rapport.gateway.renewal.ProgrammeSummary>> programmes() {
        return rest.programmes();
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Programme> programme(String id) {
        return Downstream.notFoundAsNull(rest.programme(id));
    }

    /** Not retried: a repeat changes nothing but answers 0 members added. Many rows take time: a longer timeout. */
    @Timeout(30000)
    public Uni<MemberImportResult> importMembers(String programmeId, dev.rapport.gateway.renewal.Inputs.MemberImport in) {
        return rest.importMembers(programmeId, in);
    }

    /** Scores are append-only: not retried. */
    public Uni<MemberImportResult> scoreMember(String programmeId, dev.rapport.gateway.renewal.Inputs.NewScore in) {
        return rest.scoreMember(programmeId, in);
    }

    /** An outcome is a PUT (the latest replaces the earlier one), so it is retried. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    @ReplaysFirstAnswer("a PUT of the same outcome leaves the same state and answers 204 again")
    public Uni<Void> recordOutcome(String programmeId, dev.rapport.gateway.renewal.Inputs.NewOutcome in) {
        return rest.recordOutcome(programmeId, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<RenewalReport> renewalReport(String programmeId, String period) {
        return Downstream.notFoundAsNull(rest.renewalReport(programmeId, period));
    }

    @Timeout(30000)
    public Uni<Offer> sendOffer(String programmeId, dev.rapport.gateway.renewal.Inputs.NewOffer in) {
        return rest.sendOffer(programmeId, in);
    }

    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<Offer> renewalOffer(String programmeId, String offerId) {
        return Downstream.notFoundAsNull(rest.renewalOffer(programmeId, offerId));
    }

    /** An offer as a person it was sent to reads it; null when there is none. */
    @Retry(maxRetries = 2, delay = 100, maxDuration = 4000, abortOn = ProblemResponse.class)
    public Uni<dev.rapport.gateway.renewal.RenewalOfferToPerson> renewalOfferToPerson(String id) {
        return Downstream.notFoundAsNull(rest.renewalOfferToPerson(id));
    }

    /** {@code POST /consultations/{id}/status}'s body. */
    public record StatusChange(String status) {
    }
}

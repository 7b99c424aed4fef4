package dev.rapport.gateway.feedback;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import dev.rapport.gateway.common.Ahead;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.error.AccessDeniedError;
import dev.rapport.gateway.feedback.FeedbackLookupsGraphQLApi.InvitationEdge;
import dev.rapport.gateway.feedback.FeedbackLookupsGraphQLApi.InvitationConnection;
import dev.rapport.gateway.error.InvalidInputError;
import dev.rapport.gateway.feedback.Consultation.ConsultationConnection;
import dev.rapport.gateway.feedback.Consultation.ConsultationEdge;
import dev.rapport.gateway.rating.Rating;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Cases, consultations, "you said, we did" and the loop (feedback-service). */
@GraphQLApi
public class FeedbackGraphQLApi {
    @Inject
    FeedbackClient feedback;
    @Inject
    dev.rapport.gateway.links.LinkRecordChecks linkRecords;
    @Inject
    Caller caller;
    @Inject
    Ahead ahead;

    // --- Contact fields: one GET /by-contact/… call per field for every contact in the answer --------------------
    // Each list is a connection per contact; `after` is a position in the list's order and applies to every contact
    // of the batch (the service reads on after it for each), so a list of contacts still costs one call per field.

    @Description("The person's cases, newest first, as a connection per person. One GET /by-contact/cases call for every "
            + "contact in the answer; `after` applies to each of them (to read one person's on, ask that contact).")
    @RolesAllowed({ADMIN, AGENT, ANALYST, CONTACT})
    public Uni<List<SupportCase.CaseConnection>> cases(@Source List<Contact> contacts, CaseStatus status,
            @DefaultValue("20") int first, String after) throws InvalidInputError {
        int size = Connection.first(first);
        String from = Connection.after(after);
        List<String> ids = ids(contacts);
        return ahead.orCall("cases", ids, Arrays.asList(status, first, from), () -> failed(
                Batches.inChunks(ids, FeedbackClient.MAX_IDS, chunk -> feedback.casesOf(chunk, Enums.name(status), from, size))
                        .map(pages -> Connection.each(pages, from, SupportCase.CaseEdge::new, SupportCase.CaseConnection::new))));
    }

    @Description("Consultations the person was invited to, newest first, and whether they responded; a connection per "
            + "person (one GET /by-contact/invitations call for every contact in the answer; `after` applies to each).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, CONTACT})
    public Uni<List<InvitationConnection>> invitations(@Source List<Contact> contacts, @DefaultValue("20") int first,
            String after) throws InvalidInputError {
        return nested(ids(contacts), Connection.after(after), Connection.first(first), feedback::invitationsOf,
                InvitationEdge::new, InvitationConnection::new);
    }

    @Description("\"Does this work for you?\" questions sent to the person after a published action, and the answers; "
            + "newest first, a connection per person (one GET /by-contact/follow-ups call for every contact in the answer; "
            + "`after` applies to each).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, CONTACT})
    public Uni<List<LoopFollowUp.LoopFollowUpConnection>> loopFollowUps(@Source List<Contact> contacts,
            @DefaultValue("20") int first, String after) throws InvalidInputError {
        return nested(ids(contacts), Connection.after(after), Connection.first(first), feedback::followUpsOf,
                LoopFollowUp.LoopFollowUpEdge::new, LoopFollowUp.LoopFollowUpConnection::new);
    }

    @Description("Stars the person gave (interactions, cases, staff), newest first; a connection per person (one "
            + "GET /by-contact/ratings call for every contact in the answer; `after` applies to each).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<Rating.RatingConnection>> ratings(@Source List<Contact> contacts, @DefaultValue("20") int first,
            String after) throws InvalidInputError {
        int size = Connection.first(first);
        String from = Connection.after(after);
        List<String> ids = ids(contacts);
        return ahead.orCall("ratings", ids, Arrays.asList(first, from), () -> nested(ids, from, size, feedback::ratingsOf,
                Rating.RatingEdge::new, Rating.RatingConnection::new));
    }

    @Description("How the person ranked consultations' initiatives, newest first; only responses given under their "
            + "name (anonymous ones are never linked to a person). A connection per person (one GET /by-contact/responses "
            + "call for every contact in the answer; `after` applies to each).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<List<FeedbackResponse.ConsultationResponseConnection>> consultationResponses(@Source List<Contact> contacts,
            @DefaultValue("20") int first, String after) throws InvalidInputError {
        return nested(ids(contacts), Connection.after(after), Connection.first(first), feedback::responsesOf,
                FeedbackResponse.ConsultationResponseEdge::new, FeedbackResponse.ConsultationResponseConnection::new);
    }

    @Description("Renewal propensity per programme and period the person is a member in: the latest score (its tier) "
            + "and the outcome once recorded.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<List<RenewalScore>>> renewalScores(@Source List<Contact> contacts) {
        return failed(Batches.inChunks(ids(contacts), FeedbackClient.MAX_IDS, chunk -> feedback.renewalScoresOf(chunk)));
    }

    // --- queries ---------------------------------------------------------------------------------------------------

    @Query("cases")
    @Description("Cases by status and assignee, newest first (the cases of one person: Contact.cases).")
    @RolesAllowed({ADMIN, AGENT, ANALYST})
    public Uni<SupportCase.CaseConnection> caseList(CaseStatus status, String assignee,
            @DefaultValue("20") int first, String after) {
        return failed(feedback.caseList(Enums.name(status), assignee, after, Math.max(1, Math.min(first, 100)))
                .map(p -> Connection.of(p, after, SupportCase.CaseEdge::new, SupportCase.CaseConnection::new)));
    }

    @Query("case")
    @RolesAllowed({ADMIN, AGENT, ANALYST, CONTACT})
    public Uni<SupportCase> supportCase(@Id @NonNull String id) {
        return failed(feedback.supportCase(id));
    }

    @Query
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT})
    public Uni<ConsultationConnection> consultations(ConsultationStatus status, @DefaultValue("20") int first, String after) {
        return failed(feedback.consultations(Enums.name(status), after, Math.max(1, Math.min(first, 100)))
                .map(p -> Connection.of(p, after, ConsultationEdge::new, ConsultationConnection::new)));
    }

    @Query
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT, INTEGRATION, CONTACT})
    public Uni<Consultation> consultation(@Id @NonNull String id) {
        return linkRecords.consultation(id).chain(() -> failed(feedback.consultation(id)));
    }

    @Query
    @Description("What customers said matters, ranked; with segment, only the responses whose invitation carried every "
            + "key:value given (e.g. [\"region:north\"]).")
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<Priorities> priorities(@Id @NonNull String consultationId, List<String> segment) {
        return failed(feedback.priorities(consultationId, segment == null || segment.isEmpty() ? null : segment));
    }

    @Query
    @RolesAllowed({ADMIN, ANALYST, MARKETER})
    public Uni<LoopMetrics> loopMetrics(@Id @NonNull String consultationId) {
        return failed(feedback.loopMetrics(consultationId));
    }

    @Query
    @RolesAllowed({ADMIN, MARKETER, ANALYST, AGENT})
    public Uni<List<Action>> actions(@Id @NonNull String consultationId) {
        return failed(feedback.actions(consultationId));
    }

    @Query
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, CONTACT})
    public Uni<Thread> whyNotThread(@Id @NonNull String id) {
        return linkRecords.thread(id).chain(() -> failed(feedback.thread(id)));
    }

    // --- mutations -------------------------------------------------------------------------------------------------

    @Mutation
    @Description("\"Can I do anything for you?\" A contact may open a case for itself.")
    @RolesAllowed({ADMIN, AGENT, CONTACT})
    public Uni<SupportCase> openCase(@NonNull Inputs.NewCase input) throws AccessDeniedError {
        caller.assertMayActFor(input.contactId());
        return failed(feedback.openCase(input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT})
    public Uni<SupportCase> assignCase(@Id @NonNull String id, @NonNull Inputs.Assignment input) {
        return failed(feedback.assign(id, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT})
    public Uni<SupportCase> resolveCase(@Id @NonNull String id, @NonNull Inputs.Resolution input) {
        return failed(feedback.resolve(id, input));
    }

    @Mutation
    @Description("The customer confirms the problem is solved (or says it is not).")
    @RolesAllowed({ADMIN, AGENT, CONTACT})
    public Uni<SupportCase> confirmCase(@Id @NonNull String id, @NonNull Inputs.Confirmation input) {
        return failed(feedback.confirm(id, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, CONTACT})
    public Uni<SupportCase> reopenCase(@Id @NonNull String id, @NonNull Inputs.Reopening input) {
        return failed(feedback.reopen(id, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Consultation> createConsultation(@NonNull Inputs.NewConsultation input) {
        return failed(feedback.createConsultation(input));
    }

    @Mutation
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Consultation> addInitiative(@Id @NonNull String consultationId, @NonNull Inputs.NewInitiative input) {
        return failed(feedback.addInitiative(consultationId, input));
    }

    @Mutation
    @Description("DRAFT → OPEN → CLOSED.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Consultation> changeConsultationStatus(@Id @NonNull String consultationId, @NonNull ConsultationStatus status) {
        return failed(feedback.changeStatus(consultationId, status.name()));
    }

    @Mutation
    @Description("Invite people to rank the initiatives (through consent-service outreach, purpose survey). "
            + "Answers how many new invitations were recorded.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Integer> inviteToConsultation(@Id @NonNull String consultationId, @NonNull Inputs.Invite input) {
        return failed(feedback.invite(consultationId, input));
    }

    @Mutation
    @Name("submitConsultationResponse")
    @RolesAllowed({ADMIN, MARKETER, AGENT, INTEGRATION, CONTACT})
    public Uni<FeedbackResponse> submitResponse(@NonNull Inputs.NewResponse input) {
        return failed(feedback.submitResponse(input));
    }

    @Mutation
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Action> createAction(@NonNull Inputs.NewAction input) {
        return failed(feedback.createAction(input));
    }

    @Mutation
    @Description("Publish \"you said, we did\" to exactly the people who rated the initiative.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Action.Publication> publishAction(@Id @NonNull String id) {
        return failed(feedback.publishAction(id));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, CONTACT})
    public Uni<LoopFollowUp> answerFollowUp(@Id @NonNull String id, @NonNull Inputs.FollowUpAnswer input) {
        return failed(feedback.answerFollowUp(id, input));
    }

    @Mutation
    @RolesAllowed({ADMIN, AGENT, MARKETER, CONTACT})
    public Uni<Thread> postThreadMessage(@Id @NonNull String threadId, @NonNull Inputs.NewThreadMessage input) {
        return linkRecords.thread(threadId).chain(() -> failed(feedback.postMessage(threadId, input)));
    }

    private static List<String> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    /** A by-contact read of feedback-service: (token, contact ids, cursor, limit) → one page per contact, in order. */
    private interface ByContact<T> {
        Uni<List<Page<T>>> read(List<String> contactIds, String cursor, Integer limit);
    }

    /**
     * A list nested in Contact, as a connection per contact: the ids in chunks of {@link FeedbackClient#MAX_IDS}, one
     * call per chunk, {@code after} applied to every contact.
     */
    private <T, E, C> Uni<List<C>> nested(List<String> ids, String after, int size, ByContact<T> read,
            BiFunction<String, T, E> edge, Connection.Shape<T, E, C> shape) {
        return failed(Batches.inChunks(ids, FeedbackClient.MAX_IDS, chunk -> read.read(chunk, after, size))
                .map(pages -> Connection.each(pages, after, edge, shape)));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(FeedbackClient.SERVICE));
    }
}

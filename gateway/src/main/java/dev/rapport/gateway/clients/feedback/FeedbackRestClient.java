package dev.rapport.gateway.clients.feedback;

import java.util.List;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.feedback.Action;
import dev.rapport.gateway.feedback.CaseMetrics;
import dev.rapport.gateway.feedback.Consultation;
import dev.rapport.gateway.feedback.FeedbackResponse;
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
import dev.rapport.gateway.greeting.GreetingReport;
import dev.rapport.gateway.rating.Rating;
import dev.rapport.gateway.rating.RatingReport;
import dev.rapport.gateway.renewal.MemberImportResult;
import dev.rapport.gateway.renewal.Offer;
import dev.rapport.gateway.renewal.Programme;
import dev.rapport.gateway.renewal.RenewalReport;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import dev.rapport.gateway.feedback.Inputs;
import dev.rapport.gateway.rating.RatingInput;
import dev.rapport.gateway.greeting.GreetingInput;
import io.smallrye.mutiny.Uni;
import dev.rapport.gateway.clients.CallerToken;
import jakarta.ws.rs.Consumes;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** feedback-service's REST API as the gateway uses it. Only {@link FeedbackClient} calls it. */
@RegisterRestClient(configKey = "feedback")
@RegisterProvider(value = CallerToken.class, priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface FeedbackRestClient {
    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String CSV = "text/csv";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("feedback-service", response);
    }

    @GET
    @Path("cases")
    Uni<Page<SupportCase>> cases(@QueryParam("contactId") String contactId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases")
    Uni<Page<SupportCase>> caseList(@QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases/{id}")
    Uni<SupportCase> supportCase(@PathParam("id") String id);

    @POST
    @Path("cases")
    Uni<SupportCase> openCase(Inputs.NewCase body);

    @POST
    @Path("cases/{id}/assignment")
    Uni<SupportCase> assign(@PathParam("id") String id, Inputs.Assignment body);

    @POST
    @Path("cases/{id}/resolution")
    Uni<SupportCase> resolve(@PathParam("id") String id, Inputs.Resolution body);

    @POST
    @Path("cases/{id}/confirmation")
    Uni<SupportCase> confirm(@PathParam("id") String id, Inputs.Confirmation body);

    @POST
    @Path("cases/{id}/reopening")
    Uni<SupportCase> reopen(@PathParam("id") String id, Inputs.Reopening body);

    @GET
    @Path("invitations")
    Uni<Page<Invitation>> invitations(@QueryParam("contactId") String contactId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("follow-ups")
    Uni<List<LoopFollowUp>> followUps(@QueryParam("contactId") String contactId);

    @POST
    @Path("follow-ups/{id}/answer")
    Uni<LoopFollowUp> answerFollowUp(@PathParam("id") String id, Inputs.FollowUpAnswer body);

    @GET
    @Path("threads/{id}")
    Uni<Thread> thread(@PathParam("id") String id);

    @POST
    @Path("threads/{id}/messages")
    Uni<Thread> postMessage(@PathParam("id") String id, Inputs.NewThreadMessage body);

    @GET
    @Path("consultations")
    Uni<Page<Consultation>> consultations(@QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("consultations/{id}")
    Uni<Consultation> consultation(@PathParam("id") String id);

    @POST
    @Path("consultations")
    Uni<Consultation> createConsultation(Inputs.NewConsultation body);

    @POST
    @Path("consultations/{id}/initiatives")
    Uni<Consultation> addInitiative(@PathParam("id") String id, Inputs.NewInitiative body);

    @POST
    @Path("consultations/{id}/status")
    Uni<Consultation> changeStatus(@PathParam("id") String id, FeedbackClient.StatusChange body);

    @POST
    @Path("consultations/{id}/invitations")
    Uni<Response> invite(@PathParam("id") String id, Inputs.Invite body);

    @GET
    @Path("consultations/{id}/priorities")
    Uni<Priorities> priorities(@PathParam("id") String id,
            @QueryParam("segment") List<String> segment);

    @GET
    @Path("consultations/{id}/priorities")
    @Produces(CSV)
    Uni<String> prioritiesCsv(@PathParam("id") String id,
            @QueryParam("segment") List<String> segment);

    @GET
    @Path("consultations/{id}/responses")
    @Produces(CSV)
    Uni<String> responsesCsv(@PathParam("id") String id);

    @GET
    @Path("programmes/{id}/report")
    @Produces(CSV)
    Uni<String> renewalReportCsv(@PathParam("id") String id, @QueryParam("period") String period);

    @GET
    @Path("consultations/{id}/loop-metrics")
    Uni<LoopMetrics> loopMetrics(@PathParam("id") String id);

    @POST
    @Path("responses")
    Uni<FeedbackResponse> submitResponse(Inputs.NewResponse body);

    @POST
    @Path("actions")
    Uni<Action> createAction(Inputs.NewAction body);

    @GET
    @Path("actions")
    Uni<List<Action>> actions(@QueryParam("consultationId") String consultationId);

    @POST
    @Path("actions/{id}/publish")
    Uni<Action.Publication> publishAction(@PathParam("id") String id);

    @GET
    @Path("by-contact/cases")
    Uni<List<PerContact<SupportCase>>> casesOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/invitations")
    Uni<List<PerContact<Invitation>>> invitationsOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/follow-ups")
    Uni<List<PerContact<LoopFollowUp>>> followUpsOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/ratings")
    Uni<List<PerContact<Rating>>> ratingsOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/responses")
    Uni<List<PerContact<FeedbackResponse>>> responsesOf(@QueryParam("contactIds") String contactIds, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/renewal-scores")
    Uni<List<PerContact<RenewalScore>>> renewalScoresOf(@QueryParam("contactIds") String contactIds);

    /** Everything feedback-service holds about the person, as one JSON document. */
    @GET
    @Path("contacts/{id}/data-export")
    Uni<String> dataExport(@PathParam("id") String contactId);

    /** Data-subject erasure (contract in docs/gateway.md, as consent-service has it): 2xx once the person is erased. */
    @POST
    @Path("contacts/{id}/erasure")
    Uni<Void> erase(@PathParam("id") String contactId);

    // --- lookups, reports, ratings, greetings and renewal programmes -------------------------------------------------

    @GET
    @Path("cases/metrics")
    Uni<CaseMetrics> caseMetrics(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("actions/{id}")
    Uni<Action> action(@PathParam("id") String id);

    @GET
    @Path("responses/{id}")
    Uni<FeedbackResponse> response(@PathParam("id") String id);

    @GET
    @Path("consultations/{id}/invitations")
    Uni<Page<Invitation>> consultationInvitations(@PathParam("id") String consultationId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("invitations/{id}/link")
    Uni<InvitationLink> invitationLink(@PathParam("id") String id);

    @GET
    @Path("follow-ups/{id}")
    Uni<LoopFollowUp> followUp(@PathParam("id") String id);

    @GET
    @Path("threads")
    Uni<Page<Thread>> threads(@QueryParam("consultationId") String consultationId,
            @QueryParam("contactId") String contactId, @QueryParam("status") String status, @QueryParam("ids") String ids,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("threads/messages")
    Uni<List<NestedPage<Thread.Message>>> threadMessages(@QueryParam("threadIds") String threadIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases/history")
    Uni<List<NestedPage<SupportCase.CaseEvent>>> caseHistory(@QueryParam("caseIds") String caseIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("initiatives")
    Uni<List<Consultation.Initiative>> initiativesByIds(@QueryParam("ids") String ids);

    @GET
    @Path("consultations/initiatives")
    Uni<List<NestedPage<Consultation.Initiative>>> initiatives(@QueryParam("consultationIds") String consultationIds, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("ratings")
    Uni<Rating> rate(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, RatingInput body);

    @GET
    @Path("ratings/report")
    Uni<RatingReport> ratingReport(@QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("subjectType") String subjectType);

    @POST
    @Path("greetings")
    Uni<Greeting> recordGreeting(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, GreetingInput body);

    @GET
    @Path("greetings/report")
    Uni<GreetingReport> greetingReport(@QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("programmes")
    Uni<Programme> createProgramme(dev.rapport.gateway.renewal.Inputs.NewProgramme body);

    @GET
    @Path("programmes")
    Uni<List<dev.rapport.gateway.renewal.ProgrammeSummary>> programmes();

    @GET
    @Path("programmes/{id}")
    Uni<Programme> programme(@PathParam("id") String id);

    @POST
    @Path("programmes/{id}/members/import")
    Uni<MemberImportResult> importMembers(@PathParam("id") String id, dev.rapport.gateway.renewal.Inputs.MemberImport body);

    @POST
    @Path("programmes/{id}/scores")
    Uni<MemberImportResult> scoreMember(@PathParam("id") String id, dev.rapport.gateway.renewal.Inputs.NewScore body);

    @PUT
    @Path("programmes/{id}/outcomes")
    Uni<Void> recordOutcome(@PathParam("id") String id, dev.rapport.gateway.renewal.Inputs.NewOutcome body);

    @GET
    @Path("programmes/{id}/report")
    Uni<RenewalReport> renewalReport(@PathParam("id") String id, @QueryParam("period") String period);

    @POST
    @Path("programmes/{id}/offers")
    Uni<Offer> sendOffer(@PathParam("id") String id, dev.rapport.gateway.renewal.Inputs.NewOffer body);

    @GET
    @Path("programmes/{id}/offers/{offerId}")
    Uni<Offer> renewalOffer(@PathParam("id") String id, @PathParam("offerId") String offerId);

    @GET
    @Path("renewal-offers/{id}")
    Uni<dev.rapport.gateway.renewal.RenewalOfferToPerson> renewalOfferToPerson(@PathParam("id") String id);
}

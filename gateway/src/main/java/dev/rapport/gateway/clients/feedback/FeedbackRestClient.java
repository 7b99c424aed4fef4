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
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface FeedbackRestClient {
    String AUTH = "Authorization";
    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String CSV = "text/csv";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("feedback-service", response);
    }

    @GET
    @Path("cases")
    Uni<Page<SupportCase>> cases(@HeaderParam(AUTH) String auth, @QueryParam("contactId") String contactId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases")
    Uni<Page<SupportCase>> caseList(@HeaderParam(AUTH) String auth, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases/{id}")
    Uni<SupportCase> supportCase(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("cases")
    Uni<SupportCase> openCase(@HeaderParam(AUTH) String auth, Object body);

    @POST
    @Path("cases/{id}/{step}")
    Uni<SupportCase> caseStep(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @PathParam("step") String step, Object body);

    @GET
    @Path("invitations")
    Uni<Page<Invitation>> invitations(@HeaderParam(AUTH) String auth, @QueryParam("contactId") String contactId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("follow-ups")
    Uni<List<LoopFollowUp>> followUps(@HeaderParam(AUTH) String auth, @QueryParam("contactId") String contactId);

    @POST
    @Path("follow-ups/{id}/answer")
    Uni<LoopFollowUp> answerFollowUp(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("threads/{id}")
    Uni<Thread> thread(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("threads/{id}/messages")
    Uni<Thread> postMessage(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("consultations")
    Uni<Page<Consultation>> consultations(@HeaderParam(AUTH) String auth, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("consultations/{id}")
    Uni<Consultation> consultation(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("consultations")
    Uni<Consultation> createConsultation(@HeaderParam(AUTH) String auth, Object body);

    @POST
    @Path("consultations/{id}/initiatives")
    Uni<Consultation> addInitiative(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @POST
    @Path("consultations/{id}/status")
    Uni<Consultation> changeStatus(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @POST
    @Path("consultations/{id}/invitations")
    Uni<Response> invite(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("consultations/{id}/priorities")
    Uni<Priorities> priorities(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("segment") List<String> segment);

    @GET
    @Path("consultations/{id}/priorities")
    @Produces(CSV)
    Uni<String> prioritiesCsv(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("segment") List<String> segment);

    @GET
    @Path("consultations/{id}/responses")
    @Produces(CSV)
    Uni<String> responsesCsv(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("programmes/{id}/report")
    @Produces(CSV)
    Uni<String> renewalReportCsv(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @QueryParam("period") String period);

    @GET
    @Path("consultations/{id}/loop-metrics")
    Uni<LoopMetrics> loopMetrics(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("responses")
    Uni<FeedbackResponse> submitResponse(@HeaderParam(AUTH) String auth, Object body);

    @POST
    @Path("actions")
    Uni<Action> createAction(@HeaderParam(AUTH) String auth, Object body);

    @GET
    @Path("actions")
    Uni<List<Action>> actions(@HeaderParam(AUTH) String auth, @QueryParam("consultationId") String consultationId);

    @POST
    @Path("actions/{id}/publish")
    Uni<Action.Publication> publishAction(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("by-contact/cases")
    Uni<List<PerContact<SupportCase>>> casesOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/invitations")
    Uni<List<PerContact<Invitation>>> invitationsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/follow-ups")
    Uni<List<PerContact<LoopFollowUp>>> followUpsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/ratings")
    Uni<List<PerContact<Rating>>> ratingsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/responses")
    Uni<List<PerContact<FeedbackResponse>>> responsesOf(@HeaderParam(AUTH) String auth,
            @QueryParam("contactIds") String contactIds, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/renewal-scores")
    Uni<List<PerContact<RenewalScore>>> renewalScoresOf(@HeaderParam(AUTH) String auth,
            @QueryParam("contactIds") String contactIds);

    /** Everything feedback-service holds about the person, as one JSON document. */
    @GET
    @Path("contacts/{id}/data-export")
    Uni<String> dataExport(@HeaderParam(AUTH) String auth, @PathParam("id") String contactId);

    /** Data-subject erasure (contract in docs/gateway.md, as consent-service has it): 2xx once the person is erased. */
    @POST
    @Path("contacts/{id}/erasure")
    Uni<Void> erase(@HeaderParam(AUTH) String auth, @PathParam("id") String contactId);

    // --- lookups, reports, ratings, greetings and renewal programmes -------------------------------------------------

    @GET
    @Path("cases/metrics")
    Uni<CaseMetrics> caseMetrics(@HeaderParam(AUTH) String auth, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("actions/{id}")
    Uni<Action> action(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("responses/{id}")
    Uni<FeedbackResponse> response(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("consultations/{id}/invitations")
    Uni<Page<Invitation>> consultationInvitations(@HeaderParam(AUTH) String auth, @PathParam("id") String consultationId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("invitations/{id}/link")
    Uni<InvitationLink> invitationLink(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("follow-ups/{id}")
    Uni<LoopFollowUp> followUp(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("threads")
    Uni<Page<Thread>> threads(@HeaderParam(AUTH) String auth, @QueryParam("consultationId") String consultationId,
            @QueryParam("contactId") String contactId, @QueryParam("status") String status, @QueryParam("ids") String ids,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("threads/messages")
    Uni<List<NestedPage<Thread.Message>>> threadMessages(@HeaderParam(AUTH) String auth, @QueryParam("threadIds") String threadIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("cases/history")
    Uni<List<NestedPage<SupportCase.CaseEvent>>> caseHistory(@HeaderParam(AUTH) String auth, @QueryParam("caseIds") String caseIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("consultations/initiatives")
    Uni<List<NestedPage<Consultation.Initiative>>> initiatives(@HeaderParam(AUTH) String auth,
            @QueryParam("consultationIds") String consultationIds, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("ratings")
    Uni<Rating> rate(@HeaderParam(AUTH) String auth, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object body);

    @GET
    @Path("ratings/report")
    Uni<RatingReport> ratingReport(@HeaderParam(AUTH) String auth, @QueryParam("by") String by, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("subjectType") String subjectType);

    @POST
    @Path("greetings")
    Uni<Greeting> recordGreeting(@HeaderParam(AUTH) String auth, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object body);

    @GET
    @Path("greetings/report")
    Uni<GreetingReport> greetingReport(@HeaderParam(AUTH) String auth, @QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("programmes")
    Uni<Programme> createProgramme(@HeaderParam(AUTH) String auth, Object body);

    @GET
    @Path("programmes")
    Uni<List<dev.rapport.gateway.renewal.ProgrammeSummary>> programmes(@HeaderParam(AUTH) String auth);

    @GET
    @Path("programmes/{id}")
    Uni<Programme> programme(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("programmes/{id}/members/import")
    Uni<MemberImportResult> importMembers(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @POST
    @Path("programmes/{id}/scores")
    Uni<MemberImportResult> scoreMember(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @PUT
    @Path("programmes/{id}/outcomes")
    Uni<Void> recordOutcome(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("programmes/{id}/report")
    Uni<RenewalReport> renewalReport(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @QueryParam("period") String period);

    @POST
    @Path("programmes/{id}/offers")
    Uni<Offer> sendOffer(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("programmes/{id}/offers/{offerId}")
    Uni<Offer> renewalOffer(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @PathParam("offerId") String offerId);

    @GET
    @Path("renewal-offers/{id}")
    Uni<dev.rapport.gateway.renewal.RenewalOfferToPerson> renewalOfferToPerson(@HeaderParam(AUTH) String auth,
            @PathParam("id") String id);
}

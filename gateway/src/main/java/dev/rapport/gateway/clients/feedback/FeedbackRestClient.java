package dev.rapport.gateway.clients.feedback;

import java.util.List;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.feedback.Action;
import dev.rapport.gateway.feedback.Consultation;
import dev.rapport.gateway.feedback.FeedbackResponse;
import dev.rapport.gateway.feedback.Invitation;
import dev.rapport.gateway.feedback.LoopFollowUp;
import dev.rapport.gateway.feedback.LoopMetrics;
import dev.rapport.gateway.feedback.Priorities;
import dev.rapport.gateway.feedback.Rating;
import dev.rapport.gateway.feedback.RenewalScore;
import dev.rapport.gateway.feedback.SupportCase;
import dev.rapport.gateway.feedback.Thread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** feedback-service's REST API as the gateway uses it. Only {@link FeedbackClient} calls it. */
@RegisterRestClient(configKey = "feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface FeedbackRestClient {
    String AUTH = "Authorization";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("feedback-service", response);
    }

    @GET
    @Path("cases")
    Uni<Page<SupportCase>> cases(@HeaderParam(AUTH) String auth, @QueryParam("contactId") String contactId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

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
    Uni<Priorities> priorities(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

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
            @QueryParam("status") String status, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/invitations")
    Uni<List<PerContact<Invitation>>> invitationsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/follow-ups")
    Uni<List<PerContact<LoopFollowUp>>> followUpsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds);

    @GET
    @Path("by-contact/ratings")
    Uni<List<PerContact<Rating>>> ratingsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/responses")
    Uni<List<PerContact<FeedbackResponse>>> responsesOf(@HeaderParam(AUTH) String auth,
            @QueryParam("contactIds") String contactIds, @QueryParam("limit") Integer limit);

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
}

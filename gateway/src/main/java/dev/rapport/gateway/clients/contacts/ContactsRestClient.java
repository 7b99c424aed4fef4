package dev.rapport.gateway.clients.contacts;

import java.util.List;
import java.util.Map;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.contact.ContactPoint;
import dev.rapport.gateway.contact.FollowUp;
import dev.rapport.gateway.contact.IngestResult;
import dev.rapport.gateway.contact.Interaction;
import dev.rapport.gateway.contact.LeadScore;
import dev.rapport.gateway.contact.LikelyDuplicate;
import dev.rapport.gateway.contact.Organisation;
import dev.rapport.gateway.contact.Signal;
import dev.rapport.gateway.contact.Value;
import dev.rapport.gateway.segment.Segment;
import dev.rapport.gateway.segment.SegmentCount;
import dev.rapport.gateway.segment.SegmentMembersUpload;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** contacts-service's REST API as the gateway uses it. Only {@link ContactsClient} calls it. */
@RegisterRestClient(configKey = "contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ContactsRestClient {
    String AUTH = "Authorization";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("contacts-service", response);
    }

    @GET
    @Path("contacts")
    Uni<Page<Contact>> byIds(@HeaderParam(AUTH) String auth, @QueryParam("ids") String ids, @QueryParam("limit") int limit);

    @GET
    @Path("contacts")
    Uni<Page<Contact>> search(@HeaderParam(AUTH) String auth, @QueryParam("name") String name,
            @QueryParam("organisationId") String organisationId, @QueryParam("tag") List<String> tags,
            @QueryParam("stage") String stage, @QueryParam("channel") String channel,
            @QueryParam("provenance") String provenance, @QueryParam("minValue") String minValue,
            @QueryParam("maxValue") String maxValue, @QueryParam("signal") String signal, @QueryParam("owner") String owner,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("contacts/{id}")
    Uni<Contact> get(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("contacts")
    Uni<Contact> create(@HeaderParam(AUTH) String auth, @HeaderParam("Idempotency-Key") String idempotencyKey, Object body);

    @PUT
    @Path("contacts/{id}")
    Uni<Contact> update(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @PUT
    @Path("contacts/{id}/language")
    Uni<Contact> setLanguage(@HeaderParam(AUTH) String auth, @PathParam("id") String id, ContactsClient.LanguageChoice body);

    @POST
    @Path("contacts/{id}/merge")
    Uni<Contact> merge(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @POST
    @Path("contacts/{id}/contact-points")
    Uni<ContactPoint> addPoint(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @PUT
    @Path("contacts/{id}/contact-points/{pointId}")
    Uni<ContactPoint> updatePoint(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @PathParam("pointId") String pointId, Object body);

    @DELETE
    @Path("contacts/{id}/contact-points/{pointId}")
    Uni<Void> removePoint(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @PathParam("pointId") String pointId);

    @GET
    @Path("contact-points")
    Uni<List<ContactPoint>> contactPointsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds);

    @GET
    @Path("values")
    Uni<List<Value>> values(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds);

    @GET
    @Path("contacts/{id}/lead-score")
    Uni<LeadScore> leadScore(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("contacts/{id}/signals")
    Uni<List<Signal>> signals(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("signals")
    Uni<Page<Signal>> signalsDue(@HeaderParam(AUTH) String auth, @QueryParam("owner") String owner,
            @QueryParam("kind") String kind, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("contacts/duplicates")
    Uni<Page<LikelyDuplicate>> likelyDuplicates(@HeaderParam(AUTH) String auth, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("contacts/{id}/signals/{kind}/acknowledge")
    Uni<Void> acknowledgeSignal(@HeaderParam(AUTH) String auth, @PathParam("id") String id, @PathParam("kind") String kind);

    @GET
    @Path("contacts/{id}/interactions")
    Uni<Page<Interaction>> timeline(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("type") List<String> types, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("interactions")
    Uni<IngestResult> push(@HeaderParam(AUTH) String auth, Map<String, Object> body);

    @POST
    @Path("interactions/batch")
    Uni<List<IngestResult>> pushBatch(@HeaderParam(AUTH) String auth, List<Map<String, Object>> body);

    @GET
    @Path("contacts/{id}/follow-ups")
    Uni<List<FollowUp>> followUps(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("includeCompleted") boolean includeCompleted);

    @POST
    @Path("contacts/{id}/follow-ups")
    Uni<FollowUp> addFollowUp(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @POST
    @Path("contacts/{id}/follow-ups/{followUpId}/complete")
    Uni<FollowUp> completeFollowUp(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @PathParam("followUpId") String followUpId);

    @GET
    @Path("organisations/{id}")
    Uni<Organisation> organisation(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("organisations")
    Uni<Page<Organisation>> organisations(@HeaderParam(AUTH) String auth, @QueryParam("name") String name,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("organisations")
    Uni<Organisation> createOrganisation(@HeaderParam(AUTH) String auth, Object body);

    @PUT
    @Path("organisations/{id}")
    Uni<Organisation> updateOrganisation(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @GET
    @Path("imports/{id}")
    Uni<dev.rapport.gateway.contact.ImportJob> importJob(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @GET
    @Path("imports/{id}/errors")
    Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportError>> importErrors(@HeaderParam(AUTH) String auth,
            @PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("imports/{id}/rows")
    Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportRow>> importRows(@HeaderParam(AUTH) String auth,
            @PathParam("id") String id, @QueryParam("outcome") String outcome, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("organisations")
    Uni<Page<Organisation>> organisationsByIds(@HeaderParam(AUTH) String auth, @QueryParam("ids") String ids,
            @QueryParam("limit") int limit);

    @GET
    @Path("lead-scores")
    Uni<List<LeadScore>> leadScoresOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds);

    @GET
    @Path("by-contact/signals")
    Uni<List<PerContact<Signal>>> signalsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds);

    @GET
    @Path("by-contact/follow-ups")
    Uni<List<PerContact<FollowUp>>> followUpsOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("includeCompleted") boolean includeCompleted);

    @GET
    @Path("by-contact/interactions")
    Uni<List<PerContact<Interaction>>> timelinesOf(@HeaderParam(AUTH) String auth, @QueryParam("contactIds") String contactIds,
            @QueryParam("type") List<String> types, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** Everything contacts-service holds about the person, as one JSON document. */
    @GET
    @Path("contacts/{id}/data-export")
    Uni<String> dataExport(@HeaderParam(AUTH) String auth, @PathParam("id") String contactId);

    /** Data-subject erasure (contract in docs/gateway.md, as consent-service has it): 2xx once the person is erased. */
    @POST
    @Path("contacts/{id}/erasure")
    Uni<Void> erase(@HeaderParam(AUTH) String auth, @PathParam("id") String contactId);

    // --- signal summary and inline imports -------------------------------------------------------------------------

    @GET
    @Path("signals/summary")
    Uni<List<dev.rapport.gateway.signal.SignalSummary>> signalSummary(@HeaderParam(AUTH) String auth);

    @POST
    @Path("imports")
    @Consumes("text/csv")
    Uni<dev.rapport.gateway.contact.ImportJob> importCsv(@HeaderParam(AUTH) String auth,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @QueryParam("fileName") String fileName,
            @QueryParam("mode") String mode, String csv);

    // --- segments ---------------------------------------------------------------------------------------------------

    @GET
    @Path("segments")
    Uni<Page<Segment>> segments(@HeaderParam(AUTH) String auth, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("segments/{id}")
    Uni<Segment> segment(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("segments")
    Uni<Segment> createSegment(@HeaderParam(AUTH) String auth, Object body);

    @PUT
    @Path("segments/{id}")
    Uni<Segment> updateSegment(@HeaderParam(AUTH) String auth, @PathParam("id") String id, Object body);

    @DELETE
    @Path("segments/{id}")
    Uni<Void> deleteSegment(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @PUT
    @Path("segments/{id}/members")
    @Consumes("application/x-ndjson")
    Uni<SegmentMembersUpload> uploadSegmentMembers(@HeaderParam(AUTH) String auth, @PathParam("id") String id, String ndjson);

    @GET
    @Path("segments/{id}/members")
    Uni<Page<Contact>> segmentMembers(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("segments/{id}/count")
    Uni<SegmentCount> segmentCount(@HeaderParam(AUTH) String auth, @PathParam("id") String id);

    @POST
    @Path("segments/preview")
    Uni<SegmentCount> previewSegment(@HeaderParam(AUTH) String auth, Object filter);
}

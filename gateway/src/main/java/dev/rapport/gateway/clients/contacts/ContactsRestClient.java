package dev.rapport.gateway.clients.contacts;

import java.util.List;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.contact.Contact;
import dev.rapport.gateway.contact.ContactPoint;
import dev.rapport.gateway.contact.FollowUp;
import dev.rapport.gateway.contact.IngestResult;
import dev.rapport.gateway.contact.Inputs;
import dev.rapport.gateway.contact.Interaction;
import dev.rapport.gateway.contact.LeadScore;
import dev.rapport.gateway.contact.LikelyDuplicate;
import dev.rapport.gateway.contact.Organisation;
import dev.rapport.gateway.contact.Signal;
import dev.rapport.gateway.contact.Value;
import dev.rapport.gateway.segment.Segment;
import dev.rapport.gateway.segment.SegmentCount;
import dev.rapport.gateway.segment.SegmentFilter;
import dev.rapport.gateway.segment.SegmentMembersUpload;
import io.smallrye.mutiny.Uni;
import dev.rapport.gateway.clients.CallerToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
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
@RegisterProvider(value = CallerToken.class, priority = Priorities.AUTHENTICATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ContactsRestClient {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("contacts-service", response);
    }

    @GET
    @Path("contacts")
    Uni<Page<Contact>> byIds(@QueryParam("ids") String ids, @QueryParam("limit") int limit);

    @GET
    @Path("contacts")
    Uni<Page<Contact>> search(@QueryParam("name") String name,
            @QueryParam("organisationId") String organisationId, @QueryParam("tag") List<String> tags,
            @QueryParam("stage") String stage, @QueryParam("channel") String channel,
            @QueryParam("provenance") String provenance, @QueryParam("minValue") String minValue,
            @QueryParam("maxValue") String maxValue, @QueryParam("signal") String signal, @QueryParam("owner") String owner,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("contacts/{id}")
    Uni<Contact> get(@PathParam("id") String id);

    @POST
    @Path("contacts")
    Uni<Contact> create(@HeaderParam("Idempotency-Key") String idempotencyKey, Inputs.NewContact body);

    @PUT
    @Path("contacts/{id}")
    Uni<Contact> update(@PathParam("id") String id, Inputs.ContactUpdate body);

    @PUT
    @Path("contacts/{id}/language")
    Uni<Contact> setLanguage(@PathParam("id") String id, ContactsClient.LanguageChoice body);

    @POST
    @Path("contacts/{id}/merge")
    Uni<Contact> merge(@PathParam("id") String id, Inputs.Merge body);

    @POST
    @Path("contacts/{id}/contact-points")
    Uni<ContactPoint> addPoint(@PathParam("id") String id, Inputs.NewContactPoint body);

    @PUT
    @Path("contacts/{id}/contact-points/{pointId}")
    Uni<ContactPoint> updatePoint(@PathParam("id") String id,
            @PathParam("pointId") String pointId, Inputs.ContactPointUpdate body);

    @DELETE
    @Path("contacts/{id}/contact-points/{pointId}")
    Uni<Void> removePoint(@PathParam("id") String id, @PathParam("pointId") String pointId);

    @GET
    @Path("contact-points")
    Uni<List<ContactPoint>> contactPointsOf(@QueryParam("contactIds") String contactIds);

    @GET
    @Path("values")
    Uni<List<Value>> values(@QueryParam("contactIds") String contactIds);

    @GET
    @Path("contacts/{id}/lead-score")
    Uni<LeadScore> leadScore(@PathParam("id") String id);

    @GET
    @Path("contacts/{id}/signals")
    Uni<List<Signal>> signals(@PathParam("id") String id);

    @GET
    @Path("signals")
    Uni<Page<Signal>> signalsDue(@QueryParam("owner") String owner,
            @QueryParam("kind") String kind, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("contacts/duplicates")
    Uni<Page<LikelyDuplicate>> likelyDuplicates(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("contacts/{id}/signals/{kind}/acknowledge")
    Uni<Void> acknowledgeSignal(@PathParam("id") String id, @PathParam("kind") String kind);

    @GET
    @Path("contacts/{id}/interactions")
    Uni<Page<Interaction>> timeline(@PathParam("id") String id,
            @QueryParam("type") List<String> types, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("interactions")
    Uni<IngestResult> push(ContactsClient.InteractionBody body);

    @POST
    @Path("interactions/batch")
    Uni<List<IngestResult>> pushBatch(List<ContactsClient.InteractionBody> body);

    @GET
    @Path("contacts/{id}/follow-ups")
    Uni<List<FollowUp>> followUps(@PathParam("id") String id,
            @QueryParam("includeCompleted") boolean includeCompleted);

    @POST
    @Path("contacts/{id}/follow-ups")
    Uni<FollowUp> addFollowUp(@PathParam("id") String id, Inputs.NewFollowUp body);

    @POST
    @Path("contacts/{id}/follow-ups/{followUpId}/complete")
    Uni<FollowUp> completeFollowUp(@PathParam("id") String id,
            @PathParam("followUpId") String followUpId);

    @GET
    @Path("organisations/{id}")
    Uni<Organisation> organisation(@PathParam("id") String id);

    @GET
    @Path("organisations")
    Uni<Page<Organisation>> organisations(@QueryParam("name") String name,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("organisations")
    Uni<Organisation> createOrganisation(Inputs.Organisation body);

    @PUT
    @Path("organisations/{id}")
    Uni<Organisation> updateOrganisation(@PathParam("id") String id, Inputs.Organisation body);

    @GET
    @Path("imports/{id}")
    Uni<dev.rapport.gateway.contact.ImportJob> importJob(@PathParam("id") String id);

    @GET
    @Path("imports/{id}/errors")
    Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportError>> importErrors(@PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("imports/{id}/rows")
    Uni<Page<dev.rapport.gateway.contact.ImportJob.ImportRow>> importRows(@PathParam("id") String id, @QueryParam("outcome") String outcome, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("organisations")
    Uni<Page<Organisation>> organisationsByIds(@QueryParam("ids") String ids,
            @QueryParam("limit") int limit);

    @GET
    @Path("lead-scores")
    Uni<List<LeadScore>> leadScoresOf(@QueryParam("contactIds") String contactIds);

    @GET
    @Path("by-contact/signals")
    Uni<List<PerContact<Signal>>> signalsOf(@QueryParam("contactIds") String contactIds);

    @GET
    @Path("by-contact/follow-ups")
    Uni<List<PerContact<FollowUp>>> followUpsOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("includeCompleted") boolean includeCompleted);

    @GET
    @Path("by-contact/interactions")
    Uni<List<PerContact<Interaction>>> timelinesOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("type") List<String> types, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** Everything contacts-service holds about the person, as one JSON document. */
    @GET
    @Path("contacts/{id}/data-export")
    Uni<String> dataExport(@PathParam("id") String contactId);

    /** Data-subject erasure (contract in docs/gateway.md, as consent-service has it): 2xx once the person is erased. */
    @POST
    @Path("contacts/{id}/erasure")
    Uni<Void> erase(@PathParam("id") String contactId);

    // --- signal summary and inline imports -------------------------------------------------------------------------

    @GET
    @Path("signals/summary")
    Uni<List<dev.rapport.gateway.signal.SignalSummary>> signalSummary();

    @POST
    @Path("imports")
    @Consumes("text/csv")
    Uni<dev.rapport.gateway.contact.ImportJob> importCsv(@HeaderParam("Idempotency-Key") String idempotencyKey, @QueryParam("fileName") String fileName,
            @QueryParam("mode") String mode, String csv);

    // --- segments ---------------------------------------------------------------------------------------------------

    @GET
    @Path("segments")
    Uni<Page<Segment>> segments(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("segments/{id}")
    Uni<Segment> segment(@PathParam("id") String id);

    @POST
    @Path("segments")
    Uni<Segment> createSegment(SegmentsClient.SegmentBody body);

    @PUT
    @Path("segments/{id}")
    Uni<Segment> updateSegment(@PathParam("id") String id, SegmentsClient.SegmentBody body);

    @DELETE
    @Path("segments/{id}")
    Uni<Void> deleteSegment(@PathParam("id") String id);

    @PUT
    @Path("segments/{id}/members")
    @Consumes("application/x-ndjson")
    Uni<SegmentMembersUpload> uploadSegmentMembers(@PathParam("id") String id, String ndjson);

    @GET
    @Path("segments/{id}/members")
    Uni<Page<Contact>> segmentMembers(@PathParam("id") String id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("segments/{id}/count")
    Uni<SegmentCount> segmentCount(@PathParam("id") String id);

    @POST
    @Path("segments/preview")
    Uni<SegmentCount> previewSegment(SegmentFilter filter);
}

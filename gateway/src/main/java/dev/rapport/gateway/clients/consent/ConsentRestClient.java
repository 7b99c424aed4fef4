package dev.rapport.gateway.clients.consent;

import java.util.List;

import dev.rapport.gateway.clients.ProblemResponse;
import dev.rapport.gateway.common.Page;
import dev.rapport.gateway.common.PerContact;
import dev.rapport.gateway.consent.ConsentEvent;
import dev.rapport.gateway.ledger.ChainVerification;
import dev.rapport.gateway.ledger.ConsentReceipt;
import dev.rapport.gateway.ledger.ContactPointFact;
import dev.rapport.gateway.consent.ConsentState;
import dev.rapport.gateway.consent.Decision;
import dev.rapport.gateway.consent.Inputs;
import dev.rapport.gateway.consent.Policy;
import dev.rapport.gateway.consent.Purpose;
import dev.rapport.gateway.consent.Touch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.gateway.rules.CompanyRules;
import dev.rapport.gateway.rules.Inputs.CompanyCapInput;
import dev.rapport.gateway.rules.Inputs.CompanyQuietDatesInput;
import dev.rapport.gateway.rules.Inputs.CompanyQuietHoursInput;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

/** consent-service's REST API as the gateway uses it. Only {@link ConsentClient} calls it. */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(value = CallerToken.class, priority = Priorities.AUTHENTICATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ConsentRestClient {
    String NDJSON = "application/x-ndjson";

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ProblemResponse.from("consent-service", response);
    }

    @GET
    @Path("contacts/{id}/consents")
    Uni<List<ConsentState>> consents(@PathParam("id") String contactId, @QueryParam("at") String at);

    @GET
    @Path("consents")
    Uni<List<ContactConsents>> consentsOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("at") String at);

    record ContactConsents(String contactId, List<ConsentState> consents) {
    }

    @GET
    @Path("policies")
    Uni<List<Policy>> policiesOf(@QueryParam("contactIds") String contactIds);

    @GET
    @Path("contacts/{id}/consent-events")
    Uni<Page<ConsentEvent>> ledger(@PathParam("id") String contactId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("contacts/{id}/consent-events")
    Uni<ConsentEvent> record(@PathParam("id") String contactId, Inputs.ConsentEventInput body);

    @GET
    @Path("contacts/{id}/policy")
    Uni<Policy> policy(@PathParam("id") String contactId);

    @PUT
    @Path("contacts/{id}/policy")
    Uni<Policy> putPolicy(@PathParam("id") String contactId, Inputs.PolicyInput body);

    @POST
    @Path("decisions")
    Uni<Decision> decide(ConsentClient.DecisionQuestion body);

    /** NDJSON in (one contact id a line), NDJSON out (one decision a line, input order). */
    @POST
    @Path("decisions/bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    Uni<String> decideBulk(@QueryParam("purpose") String purpose,
            @QueryParam("channel") String channel, String contactIds);

    /**
     * A segment's decisions, streamed: NDJSON out, one JSON document a line, read as they arrive (constant memory).
     * The body is empty: consent-service reads the segment's members from contacts-service.
     */
    @POST
    @Path("decisions/bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<JsonNode> decideSegment(@QueryParam("purpose") String purpose,
            @QueryParam("channel") String channel, @QueryParam("segmentId") String segmentId, String noBody);

    @GET
    @Path("purposes")
    Uni<List<Purpose>> purposes();

    @POST
    @Path("purposes")
    Uni<Purpose> createPurpose(Inputs.PurposeInput body);

    @PUT
    @Path("purposes/{code}")
    Uni<Purpose> replacePurpose(@PathParam("code") String code, Inputs.PurposeInput body);

    @POST
    @Path("outreach/requests")
    Uni<Touch> requestOutreach(@HeaderParam("Idempotency-Key") String idempotencyKey, Inputs.OutreachInput body);

    @GET
    @Path("outreach/requests")
    Uni<Page<Touch>> outreach(@QueryParam("contactId") String contactId,
            @QueryParam("campaign") String campaign, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/consent-events")
    Uni<List<PerContact<ConsentEvent>>> ledgersOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("by-contact/outreach-requests")
    Uni<List<PerContact<Touch>>> touchesOf(@QueryParam("contactIds") String contactIds,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** Everything consent-service holds about the person (ledger, consents, policy, contact-point facts, outreach). */
    @GET
    @Path("contacts/{id}/data-export")
    Uni<String> dataExport(@PathParam("id") String contactId);

    /** Data-subject erasure (contract in docs/gateway.md, as consent-service has it): 2xx once the person is erased. */
    @POST
    @Path("contacts/{id}/erasure")
    Uni<Void> erase(@PathParam("id") String contactId);

    // --- the ledger by filter, single items, receipts, outreach reads and bulk ---------------------------------------

    @GET
    @Path("consent-events/{id}")
    Uni<ConsentEvent> consentEvent(@PathParam("id") String id);

    @GET
    @Path("consent-events")
    Uni<List<ConsentEvent>> consentEvents(@QueryParam("contactId") String contactId,
            @QueryParam("purpose") String purpose, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("contacts/{id}/consent-chain")
    Uni<ChainVerification> verifyChain(@PathParam("id") String contactId);

    @GET
    @Path("consent-events/{id}/receipt")
    Uni<ConsentReceipt> receipt(@PathParam("id") String eventId);

    @GET
    @Path("contacts/{id}/contact-points")
    Uni<List<ContactPointFact>> contactPointFacts(@PathParam("id") String contactId);

    @GET
    @Path("purposes/{code}")
    Uni<Purpose> purpose(@PathParam("code") String code);

    @GET
    @Path("outreach/requests/{id}")
    Uni<Touch> outreachRequest(@PathParam("id") String id);

    /** NDJSON contact ids in, NDJSON results out, in input order. */
    @POST
    @Path("outreach/requests/bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    Uni<String> requestOutreachBulk(@QueryParam("purpose") String purpose,
            @QueryParam("channel") String channel, @QueryParam("campaign") String campaign,
            @QueryParam("payloadRef") String payloadRef, String contactIds);

    /** Outreach for a segment's members, streamed like {@link #decideSegment}: one result a line, read as they arrive. */
    @POST
    @Path("outreach/requests/bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<JsonNode> requestOutreachForSegment(@QueryParam("purpose") String purpose,
            @QueryParam("channel") String channel, @QueryParam("campaign") String campaign,
            @QueryParam("payloadRef") String payloadRef, @QueryParam("segmentId") String segmentId, String noBody);

    @POST
    @Path("outreach/deliveries/{id}/unsubscribe")
    Uni<ConsentEvent> unsubscribe(@PathParam("id") String deliveryId, ConsentClient.UnsubscribeChoice body);

    // --- company rules (CompanyRulesClient) --------------------------------------------------------------------------

    @GET
    @Path("company-rules")
    Uni<CompanyRules> companyRules();

    @GET
    @Path("company-rules/changes")
    Uni<List<RuleChange>> companyRuleChanges(@QueryParam("ruleId") String ruleId,
            @QueryParam("before") String before, @QueryParam("limit") Integer limit);

    /** A change as consent-service answers it: the rule before and after as JSON objects. */
    record RuleChange(String id, CompanyRules.Kind ruleKind, String ruleId, CompanyRules.Action action, String actor,
            java.time.Instant changedAt, JsonNode before, JsonNode after) {
    }

    @POST
    @Path("company-rules/caps")
    Uni<CompanyRules.CompanyCap> createCaps(CompanyCapInput body);

    @PUT
    @Path("company-rules/caps/{id}")
    Uni<CompanyRules.CompanyCap> replaceCaps(@PathParam("id") String id, CompanyCapInput body);

    @DELETE
    @Path("company-rules/caps/{id}")
    Uni<Void> deleteCaps(@PathParam("id") String id);

    @POST
    @Path("company-rules/quiet-dates")
    Uni<CompanyRules.CompanyQuietDates> createQuietDates(CompanyQuietDatesInput body);

    @PUT
    @Path("company-rules/quiet-dates/{id}")
    Uni<CompanyRules.CompanyQuietDates> replaceQuietDates(@PathParam("id") String id, CompanyQuietDatesInput body);

    @DELETE
    @Path("company-rules/quiet-dates/{id}")
    Uni<Void> deleteQuietDates(@PathParam("id") String id);

    @POST
    @Path("company-rules/quiet-hours")
    Uni<CompanyRules.CompanyQuietHours> createQuietHours(CompanyQuietHoursInput body);

    @PUT
    @Path("company-rules/quiet-hours/{id}")
    Uni<CompanyRules.CompanyQuietHours> replaceQuietHours(@PathParam("id") String id, CompanyQuietHoursInput body);

    @DELETE
    @Path("company-rules/quiet-hours/{id}")
    Uni<Void> deleteQuietHours(@PathParam("id") String id);

}

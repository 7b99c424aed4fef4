package dev.rapport.consent.outreach;

import dev.rapport.consent.audience.AudienceIds;
import dev.rapport.consent.audience.Audiences;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.common.Params;
import dev.rapport.consent.decision.DecisionResource;
import dev.rapport.consent.decision.DecisionService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import dev.rapport.platform.idempotency.Idempotency;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/outreach")
public class OutreachResource {
    @Inject
    Audiences audiences;
    @Inject
    OutreachService outreach;
    @Inject
    QueueService queue;
    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    UnsubscribeService unsubscribes;
    @Inject
    Caller caller;
    @Inject
    BulkOutreach bulk;
    @Inject
    DecisionService decisions;
    @Inject
    ConsentConfig config;

    @POST
    @Path("/requests")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Ask to contact a person; decided now, queued for delivery if allowed",
            description = "Answers 201 with status QUEUED (the decision names the contact point) or DENIED (kept with its "
                    + "reasons). In the person's quiet hours it is QUEUED too, with a deferred decision (allowed false, "
                    + "notBefore set), and delivered from notBefore on. Idempotency-Key is honoured: a retry gets the first answer.")
    @APIResponse(responseCode = "201", description = "Decided and stored: the request as GET /outreach/requests/{id} shows it",
            content = @Content(schema = @Schema(implementation = OutreachView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "422", description = "Unknown purpose, or an Idempotency-Key reused for another request")
    public Uni<Response> request(@Valid @NotNull OutreachRequest in, @HeaderParam(Idempotency.HEADER) String key) {
        return outreach.request(in, caller.name(), key)
                .map(o -> Response.created(URI.create("/outreach/requests/" + o.id())).entity(o).build());
    }

    @POST
    @Path("/requests/bulk")
    @APIResponse(responseCode = "429", description = "Too many calls from this caller; Retry-After says when to try again")
    @Blocking
    @Consumes({DecisionResource.NDJSON, MediaType.TEXT_PLAIN})
    @Produces(DecisionResource.NDJSON)
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER, Roles.INTEGRATION})
    @Operation(summary = "Ask to contact a whole audience, streamed",
            description = "Body: NDJSON contact ids (as for bulk decisions), or no body and segmentId. Each is decided and stored like a single request; "
                    + "the answer is NDJSON {contactId, id, status, decision} in input order. With a campaign, a contact that "
                    + "already has a live request for that campaign and payloadRef is answered DUPLICATE (safe to retry).")
    @APIResponse(responseCode = "200", description = "NDJSON results")
    @APIResponse(responseCode = "400", description = "A bad query parameter")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    public Multi<Buffer> bulk(@RestQuery String purpose, @RestQuery String channel, @RestQuery String campaign,
            @RestQuery String payloadRef,
            @Parameter(description = "A contacts-service segment to reach instead of a body of ids: its members are read a "
                    + "page at a time with the caller's token, in contact id order") @RestQuery String segmentId,
            @Parameter(hidden = true) @RestHeader("Authorization") String auth, InputStream body) {
        String code = Params.purpose("purpose", purpose, true);
        Channel ch = Params.channel("channel", channel);
        if (campaign != null && campaign.length() > 200) {
            throw ProblemException.badField("campaign", "size must be between 0 and 200");
        }
        if (payloadRef != null && payloadRef.length() > 500) {
            throw ProblemException.badField("payloadRef", "size must be between 0 and 500");
        }
        BulkOutreach.Settings settings = new BulkOutreach.Settings(code, ch, blankToNull(campaign), blankToNull(payloadRef),
                caller.name());
        AudienceIds lines = audiences.of(body, segmentId, auth, config.bulk().maxContacts());
        int chunk = config.bulk().chunkSize();
        return decisions.requirePurpose(code).onItem().transformToMulti(x -> Multi.createBy().repeating()
                        .uni(() -> lines.next(chunk))
                        .until(List::isEmpty))
                .onItem().transformToUniAndConcatenate(c -> bulk.chunk(c, settings))
                .onTermination().invoke(lines::close);
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "An outreach request with its decision and delivery state")
    @APIResponse(responseCode = "404", description = "No such request")
    public Uni<OutreachView> get(@PathParam("id") UUID id) {
        return outreach.get(id);
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST})
    @Operation(summary = "Outreach requests by contact, campaign and status, newest first (cursor-paginated)")
    @APIResponse(responseCode = "400", description = "A bad filter, cursor or limit")
    public Uni<Page<OutreachView>> list(@RestQuery String contactId, @RestQuery String campaign, @RestQuery String status,
            @RestQuery String cursor, @RestQuery Integer limit) {
        UUID contact = Params.uuid("contactId", contactId);
        OutreachStatus st = status == null || status.isBlank() ? null : parseStatus(status);
        List<String> keys = Cursor.decode(cursor, 1);
        UUID after = keys.isEmpty() ? null : Params.uuid("cursor", keys.get(0));
        int size = Cursor.limit(limit, 100, 1000);
        return outreach.list(contact, campaign, st, after, size)
                .map(rows -> Page.of(rows, size, v -> v, v -> Cursor.encode(v.id())));
    }

    @POST
    @Path("/queue/pull")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Lease the next messages to deliver",
            description = "Safe with several consumers: no message is handed to two at once. Acknowledge each before its "
                    + "leaseUntil, or it becomes visible again. Each is re-checked against the person's consent first.")
    @APIResponse(responseCode = "200", description = "Leased messages, possibly none")
    public Uni<List<Delivery>> pull(@Valid PullRequest in) {
        return queue.pull(in);
    }

    @POST
    @Path("/deliveries/{id}/ack")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Acknowledge a pulled message: DELIVERED (a touch), BOUNCED (its contact point becomes undeliverable) or FAILED")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such message")
    @APIResponse(responseCode = "409", description = "The lease is not current (it expired and the message was pulled again)")
    public Uni<Void> acknowledge(@PathParam("id") UUID id, @Valid @NotNull Acknowledgement ack) {
        return queue.acknowledge(id, ack);
    }

    @POST
    @Path("/deliveries/acks")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Acknowledge many pulled messages in one call",
            description = "Each line is what POST /outreach/deliveries/{id}/ack takes, with the message's id; all are recorded in "
                    + "one transaction. Each line gets its own result, in the order sent: a lease that is no longer current "
                    + "(LEASE_LOST) or an unknown message (NOT_FOUND) does not stop the others; repeating a line is harmless "
                    + "(ALREADY_RECORDED).")
    @APIResponse(responseCode = "200", description = "One result per line, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledgements.Result.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "mixed", value = """
                            [{"id":"0193f0a4-7b2e-7c1a-9d3e-2f4b5c6d7e8f","status":"RECORDED"},
                             {"id":"0193f0a4-7b2e-7c1a-9d3e-2f4b5c6d7e90","status":"LEASE_LOST"}]""")))
    @APIResponse(responseCode = "400", description = "No lines, more than 500, a message named twice, or a bad line (the field is named)")
    public Uni<List<Acknowledgements.Result>> acknowledgeAll(@Valid @NotNull Acknowledgements in) {
        return acknowledgements.record(in.acks());
    }

    @POST
    @Path("/deliveries/{id}/unsubscribe")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "The person clicked unsubscribe in this message",
            description = "Withdraws consent for the message's purpose on every channel, or on its channel only when the "
                    + "person chose so (policy unsubscribeScope, or thisChannelOnly). Returns the withdrawal event. The same "
                    + "unsubscribe again (a mail client's one-click POST and the person's click, a retry) appends nothing: it "
                    + "answers 200 with the withdrawal recorded first, unless something was recorded for the purpose since.")
    @APIResponse(responseCode = "201", description = "Withdrawal recorded")
    @APIResponse(responseCode = "200", description = "This message's link had already withdrawn the same: that withdrawal, nothing appended")
    @APIResponse(responseCode = "403", description = "A contact unsubscribing someone else")
    @APIResponse(responseCode = "404", description = "No such message")
    public Uni<Response> unsubscribe(@PathParam("id") UUID id, @Valid Unsubscribe in) {
        return outreach.get(id).chain(o -> {
            caller.assertMayActFor(o.contactId());
            return unsubscribes.unsubscribe(o, in, caller.name(), !caller.isStaff());
        }).map(r -> r.appended() ? Response.created(URI.create("/consent-events/" + r.event().id())).entity(r.event()).build()
                : Response.ok(r.event()).build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OutreachStatus parseStatus(String s) {
        try {
            return OutreachStatus.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "must be one of " + java.util.Arrays.toString(OutreachStatus.values()));
        }
    }
}

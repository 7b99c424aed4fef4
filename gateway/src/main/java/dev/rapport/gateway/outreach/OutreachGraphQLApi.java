package dev.rapport.gateway.outreach;

import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.consent.OutreachStatus;
import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.common.Enums;
import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.common.PageInfo;
import dev.rapport.gateway.consent.ConsentEvent;
import dev.rapport.gateway.consent.Touch;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Outreach requests (consent-service): read them, ask for a whole audience, unsubscribe. The delivery queue (pull, ack)
 * is machine-to-machine for delivery integrations and stays REST-only.
 */
@GraphQLApi
public class OutreachGraphQLApi {
    static final int MAX_BULK = 1000;

    @Inject
    ConsentClient consent;

    @Description("Outreach requests, newest first.")
    public record OutreachConnection(List<Touch> nodes, List<OutreachEdge> edges, PageInfo pageInfo,
            @org.eclipse.microprofile.graphql.Description(Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record OutreachEdge(String cursor, Touch node) {
    }

    @Query
    @Description("One outreach request with its decision (denials are kept).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<Touch> outreachRequest(@Id @NonNull String id) {
        return failed(consent.outreachRequest(id));
    }

    @Query
    @Description("Outreach requests by contact, campaign and status, newest first.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<OutreachConnection> outreachRequests(@Id String contactId, String campaign, OutreachStatus status,
            @DefaultValue("20") int first, String after) {
        return failed(consent.outreachRequests(contactId, campaign, Enums.name(status), after,
                        Math.max(1, Math.min(first, 100)))
                .map(p -> Connection.of(p, after, OutreachEdge::new, OutreachConnection::new)));
    }

    @Mutation
    @Description("Ask to contact up to 1000 people at once; each is decided and stored like a single request. With a "
            + "campaign, a repeat for the same campaign and payloadRef answers DUPLICATE (safe to retry). Larger audiences: "
            + "consent-service's streamed POST /outreach/requests/bulk.")
    @RolesAllowed({ADMIN, MARKETER, INTEGRATION})
    // [String!]!, not [ID!]!: MicroProfile GraphQL's @Id cannot mark list elements (no TYPE_USE), and on the list itself
    // SmallRye accepts it in the schema but then refuses every value ("Unknown Scalar Type [java.util.List]")
    public Uni<List<BulkOutreachResult>> requestOutreachBulk(@NonNull List<@NonNull String> contactIds,
            @NonNull String purpose, Channel channel, String campaign, String payloadRef) throws InvalidInputError {
        if (contactIds.isEmpty() || contactIds.size() > MAX_BULK) {
            throw new InvalidInputError("contactIds must hold 1 to " + MAX_BULK + " ids", null, null,
                    List.of(new GatewayError.FieldError("contactIds", "must hold 1 to " + MAX_BULK + " ids")));
        }
        return failed(consent.requestOutreachBulk(contactIds, purpose, Enums.name(channel), campaign, payloadRef));
    }

    @Query
    @Description("What consent-service decides now for every member of a segment, for a purpose (and channel): how many "
            + "may be reached, how many not now (and from when), and for the rest why not, counted per reason. Nothing is "
            + "stored. The members are read and decided as a stream; the answer waits for the last one (at most 120 s).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION})
    public Uni<SegmentReach> reachOfSegment(@Id @NonNull String segmentId, @NonNull String purpose, Channel channel)
            throws InvalidInputError {
        InvalidInputError.requireUuid("segmentId", segmentId);
        return failed(consent.reachOfSegment(segmentId, purpose, channel));
    }

    @Mutation
    @Description("Ask to contact every member of a segment (its members when the call is made): each is decided and stored "
            + "like a single request; the answer counts what happened. The campaign is required: a repeat for the same "
            + "campaign and payloadRef answers duplicate for those already asked, so retrying is safe. The requests are "
            + "listed by outreachRequests(campaign:). At most 120 s; larger audiences: consent-service's streamed "
            + "POST /outreach/requests/bulk?segmentId=.")
    @RolesAllowed({ADMIN, MARKETER, INTEGRATION})
    public Uni<SegmentOutreach> requestOutreachForSegment(@Id @NonNull String segmentId, @NonNull String purpose,
            Channel channel, @NonNull String campaign, String payloadRef) throws InvalidInputError {
        InvalidInputError.requireUuid("segmentId", segmentId);
        if (campaign.isBlank()) {
            throw new InvalidInputError("campaign must not be blank", null, null,
                    List.of(new GatewayError.FieldError("campaign", "must not be blank")));
        }
        return failed(consent.requestOutreachForSegment(segmentId, purpose, channel, campaign, payloadRef));
    }

    @Mutation
    @Description("The person clicked unsubscribe in a message: withdraws the message's purpose on every channel, or on its "
            + "channel only (policy unsubscribeScope, or thisChannelOnly). A contact unsubscribes only itself.")
    @RolesAllowed({ADMIN, AGENT, INTEGRATION, CONTACT})
    public Uni<ConsentEvent> unsubscribe(@Id @NonNull String deliveryId, Boolean thisChannelOnly) {
        return failed(consent.unsubscribe(deliveryId, thisChannelOnly));
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ConsentClient.SERVICE));
    }
}

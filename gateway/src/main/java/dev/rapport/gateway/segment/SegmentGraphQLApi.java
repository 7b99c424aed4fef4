package dev.rapport.gateway.segment;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.MARKETER;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.clients.contacts.SegmentsClient;
import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.contact.Connections.ContactConnection;
import dev.rapport.gateway.contact.Connections.ContactEdge;
import dev.rapport.gateway.error.GatewayError;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Segments: saved audiences in contacts-service (one call per operation). */
@GraphQLApi
public class SegmentGraphQLApi {
    static final int MAX_INLINE_MEMBERS = 10_000;

    @Inject
    SegmentsClient segments;

    @Query
    @Description("Saved segments by name. Cursor paging: pass pageInfo.endCursor as `after`.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<Segment.SegmentConnection> segments(@DefaultValue("20") int first, String after) throws InvalidInputError {
        return failed(segments.list(after, pageSize(first))
                .map(p -> Connection.of(p, after, Segment.SegmentEdge::new, Segment.SegmentConnection::new)));
    }

    @Query
    @Description("A segment's definition and version; null when there is none (or it was deleted).")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<Segment> segment(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(segments.get(id));
    }

    @Query
    @Description("A segment's members now, as contacts: a FILTER segment's by name, a STATIC one's by id. Null when there "
            + "is no such segment.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<ContactConnection> segmentMembers(@Id @NonNull String id, @DefaultValue("20") int first, String after)
            throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(segments.members(id, after, pageSize(first))
                .map(p -> p == null ? null : Connection.of(p, after, ContactEdge::new, ContactConnection::new)));
    }

    @Query
    @Description("How many contacts the segment selects now, and the version counted. Null when there is no such segment.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<SegmentCount> segmentCount(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(segments.count(id));
    }

    @Query
    @Description("A filter before it is saved: how many contacts it selects now, and the first few by name.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<SegmentCount> previewSegment(SegmentFilter filter) {
        return failed(segments.preview(filter));
    }

    @Mutation
    @Description("Save a segment (version 1). A STATIC one starts empty: give its list with setSegmentMembers.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Segment> createSegment(@NonNull SegmentInput input) {
        return failed(segments.create(input));
    }

    @Mutation
    @Description("Change a segment's name, description or filter; `version` is the one read (a stale one is a conflict). "
            + "The answer has the next version.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Segment> updateSegment(@Id @NonNull String id, @NonNull SegmentInput input, int version) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(segments.update(id, input, version));
    }

    @Mutation
    @Description("Delete a segment; what was already taken from it keeps naming it and its version.")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<Boolean> deleteSegment(@Id @NonNull String id) throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        return failed(segments.delete(id).replaceWith(true));
    }

    @Mutation
    @Description("Replace a STATIC segment's list (contact ids as strings, up to 10,000 here; larger lists: contacts-service PUT "
            + "/segments/{id}/members with CSV or NDJSON). Bumps the version.")
    @Name("setSegmentMembers")
    @RolesAllowed({ADMIN, MARKETER})
    public Uni<SegmentMembersUpload> setSegmentMembers(@Id @NonNull String id,
            @NonNull List<@NonNull String> contactIds)
            throws InvalidInputError {
        InvalidInputError.requireUuid("id", id);
        if (contactIds.size() > MAX_INLINE_MEMBERS) {
            throw new InvalidInputError("contactIds has more than " + MAX_INLINE_MEMBERS + " ids", null, null, List.of(
                    new GatewayError.FieldError("contactIds", "at most " + MAX_INLINE_MEMBERS + "; upload larger lists to contacts-service")));
        }
        for (String c : contactIds) {
            InvalidInputError.requireUuid("contactIds", c);
        }
        return failed(segments.setMembers(id, contactIds));
    }

    static int pageSize(int first) throws InvalidInputError {
        return Connection.first(first);
    }

    private static <T> Uni<T> failed(Uni<T> call) {
        return call.onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE));
    }
}

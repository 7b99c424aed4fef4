package dev.rapport.gateway.contact;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.common.Connection;
import dev.rapport.gateway.error.InvalidInputError;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** Likely duplicates, found by contacts-service over every contact (one call per page). */
@GraphQLApi
public class DuplicatesGraphQLApi {
    @Inject
    ContactsClient service;

    @Query
    @Description("Likely duplicates: groups of contacts sharing a normalised e-mail address or phone number, ordered by "
            + "kind and address. Cursor paging: pass pageInfo.endCursor as `after`. Merge with mergeContacts.")
    @RolesAllowed({ADMIN, AGENT})
    public Uni<LikelyDuplicate.LikelyDuplicateConnection> likelyDuplicates(@DefaultValue("20") int first, String after)
            throws InvalidInputError {
        return service.likelyDuplicates(after, ContactGraphQLApi.pageSize(first))
                .map(p -> Connection.of(p, after, LikelyDuplicate.LikelyDuplicateEdge::new,
                        LikelyDuplicate.LikelyDuplicateConnection::new))
                .onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE));
    }
}

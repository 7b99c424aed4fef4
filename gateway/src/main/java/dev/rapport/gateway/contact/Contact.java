package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A person. Nested fields come from contacts-, consent- and feedback-service, each fetched once per query.")
public record Contact(@Id String id, String givenName, String familyName, String displayName, String organisationId,
        String owner, String lifecycleStage, List<String> tags, long version, Instant createdAt, Instant updatedAt,
        /** Present when contacts-service sent them (a single contact); the graph field is ContactGraphQLApi#contactPoints. */
        @Ignore List<ContactPoint> contactPoints) {
}

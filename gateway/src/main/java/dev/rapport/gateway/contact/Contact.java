package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A person. Nested fields come from contacts-, consent- and feedback-service, each fetched once per query.")
public record Contact(@Id String id, String givenName, String familyName, String displayName, @Id String organisationId,
        String owner, LifecycleStage lifecycleStage, List<String> tags,
        @Description("The language the person reads, a BCP 47 tag (en, fr, ar, fr-CA …); null: the deployment's default "
                + "(rapport.default-language). Messages and pages for the person use it.") String language,
        @Description("The person's id in the system they were imported from (the CSV column external_id); an import in "
                + "mode UPSERT matches on it. Null when none was imported.") String externalId,
        long version, Instant createdAt, Instant updatedAt,
        /** Present when contacts-service sent them (a single contact); the graph field is ContactGraphQLApi#contactPoints. */
        @Ignore List<ContactPoint> contactPoints) {
}

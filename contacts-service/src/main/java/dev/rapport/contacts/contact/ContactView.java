package dev.rapport.contacts.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contacts.contactpoint.ContactPointView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(UUID id, String givenName, String familyName, String displayName, UUID organisationId,
        String owner, LifecycleStage lifecycleStage, List<String> tags,
        @Schema(description = "The language the person reads (BCP 47); absent: the deployment's default", example = "fr-CA")
        String language,
        @Schema(description = "The id another system knows the person by, from an import's external_id column", example = "crm-00042")
        String externalId, long version, Instant createdAt, Instant updatedAt, List<ContactPointView> contactPoints) {

    public static ContactView from(Contact c, List<ContactPointView> points) {
        return new ContactView(c.id, c.givenName, c.familyName, c.displayName, c.organisationId, c.owner,
                c.lifecycleStage, c.tags == null ? List.of() : List.of(c.tags), c.language, c.externalId, c.version, c.createdAt, c.updatedAt, points);
    }
}

package dev.rapport.contacts.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contacts.contactpoint.ContactPoint;
import java.time.Instant;
import java.util.UUID;

/**
 * What consent-service learns about a contact point: enough to decide (channel, address to hash, context,
 * provenance), nothing more. {@code change} is ADDED, UPDATED or REMOVED; a merge moves points with
 * REMOVED on the old contact and ADDED on the survivor, then a MERGED event on the survivor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ContactPointChange(String change, UUID contactId, UUID contactPointId, String channel, String address,
        String context, String provenance, String provenanceSource, Instant verifiedAt, UUID mergedContactId) {

    public static ContactPointChange of(String change, ContactPoint p) {
        return new ContactPointChange(change, p.contactId, p.id, p.channel.name(), p.address, p.context.name(),
                p.provenance.name(), p.provenanceSource, p.verifiedAt, null);
    }

    /** A point removed because its person was erased: ids only, so the outbox never carries the address again. */
    public static ContactPointChange erased(UUID contactId, UUID contactPointId) {
        return new ContactPointChange("REMOVED", contactId, contactPointId, null, null, null, null, null, null, null);
    }

    public static ContactPointChange merged(UUID survivor, UUID mergedAway) {
        return new ContactPointChange("MERGED", survivor, null, null, null, null, null, null, null, mergedAway);
    }
}

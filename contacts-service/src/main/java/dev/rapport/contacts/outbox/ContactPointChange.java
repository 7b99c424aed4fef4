package dev.rapport.contacts.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contacts.contactpoint.ContactPoint;
import java.time.Instant;
import java.util.UUID;

/**
 * What consent-service learns about a contact point: enough to decide (channel, address to hash, context,
 * provenance), nothing more. {@code change} is ADDED, UPDATED or REMOVED; a merge moves points with
 * REMOVED on the old contact and ADDED on the survivor (or, when the survivor already holds the address, REMOVED naming
 * the survivor's point in {@code mergedIntoPointId}), then a MERGED event on the survivor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ContactPointChange(String change, UUID contactId, UUID contactPointId, String channel, String address,
        String context, String provenance, String provenanceSource, Instant verifiedAt, UUID mergedContactId,
        UUID mergedIntoPointId) {

    public static ContactPointChange of(String change, ContactPoint p) {
        return new ContactPointChange(change, p.contactId, p.id, p.channel.name(), p.address, p.context.name(),
                p.provenance.name(), p.provenanceSource, p.verifiedAt, null, null);
    }

    /**
     * A merged-away contact's point removed because the survivor already holds the same address in {@code kept}:
     * consent-service lets consents naming the removed point cover the kept one.
     */
    public static ContactPointChange foldedInto(ContactPoint removed, UUID kept) {
        return new ContactPointChange("REMOVED", removed.contactId, removed.id, removed.channel.name(), removed.address,
                removed.context.name(), removed.provenance.name(), removed.provenanceSource, removed.verifiedAt, null, kept);
    }

    /** A point removed because its person was erased: ids only, so the outbox never carries the address again. */
    public static ContactPointChange erased(UUID contactId, UUID contactPointId) {
        return new ContactPointChange("REMOVED", contactId, contactPointId, null, null, null, null, null, null, null, null);
    }

    public static ContactPointChange merged(UUID survivor, UUID mergedAway) {
        return new ContactPointChange("MERGED", survivor, null, null, null, null, null, null, null, mergedAway, null);
    }
}

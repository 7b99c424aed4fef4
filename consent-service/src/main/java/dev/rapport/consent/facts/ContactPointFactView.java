package dev.rapport.consent.facts;

import dev.rapport.consent.common.Channel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact point as consent-service knows it: no address, no hash. */
public record ContactPointFactView(UUID contactPointId, UUID contactId, Channel channel, PointContext context,
        Provenance provenance, String provenanceSource, boolean givenByPerson, Instant verifiedAt, Instant addedAt,
        Instant removedAt,
        @Schema(description = "When a delivery to this point bounced; decisions do not use it until it changes") Instant undeliverableAt) {

    public static ContactPointFactView from(ContactPointFact f) {
        return new ContactPointFactView(f.contactPointId, f.contactId, f.channel, f.context, f.provenance,
                f.provenanceSource, f.provenance.givenByPerson(), f.verifiedAt, f.addedAt, f.removedAt, f.undeliverableAt);
    }
}

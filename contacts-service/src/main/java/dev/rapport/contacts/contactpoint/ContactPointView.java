package dev.rapport.contacts.contactpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactPointView(UUID id, UUID contactId, Channel channel, String address, PostalAddress postal,
        PointContext context, Provenance provenance, Instant capturedAt, Instant verifiedAt) {

    public static ContactPointView from(ContactPoint p) {
        return new ContactPointView(p.id, p.contactId, p.channel, p.address, p.postal, p.context,
                new Provenance(p.provenance, p.provenanceSource), p.capturedAt, p.verifiedAt);
    }
}

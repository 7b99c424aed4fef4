package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A way to reach the person, with where it came from (provenance) and whether it is work or personal.")
public record ContactPoint(@Id String id, @Id String contactId, dev.rapport.gateway.common.Channel channel, String address, PostalAddress postal,
        ContactPointContext context, Provenance provenance, Instant capturedAt, Instant verifiedAt) {

    @Description("How we got the address; source names the form, file or vendor.")
    public record Provenance(ProvenanceKind kind, String source) {
    }

    public record PostalAddress(List<String> lines, String locality, String region, String postalCode, String country) {
    }
}

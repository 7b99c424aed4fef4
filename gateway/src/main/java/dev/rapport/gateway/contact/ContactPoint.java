package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A way to reach the person, with where it came from (provenance) and whether it is work or personal.")
public record ContactPoint(@Id String id, @Id String contactId, String channel, String address, PostalAddress postal,
        String context, Provenance provenance, Instant capturedAt, Instant verifiedAt) {

    @Description("PROVIDED_BY_CONTACT (with the form or conversation), IMPORTED (file), ENRICHMENT (vendor) or INFERRED.")
    public record Provenance(String kind, String source) {
    }

    public record PostalAddress(List<String> lines, String locality, String region, String postalCode, String country) {
    }
}

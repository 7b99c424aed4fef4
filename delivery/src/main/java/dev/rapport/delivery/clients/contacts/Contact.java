package dev.rapport.delivery.clients.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a message needs of a person: how to address them, in which language, and their contact points with how each
 * was obtained. {@code language} is a BCP 47 tag or null (then the deployment's default applies).
 */
public record Contact(UUID id, String givenName, String familyName, String displayName, String language,
        List<ContactPoint> contactPoints) {

    public record ContactPoint(UUID id, UUID contactId, String channel, String address, String context, Provenance provenance,
            Instant capturedAt, Instant verifiedAt) {
    }

    /** kind: PROVIDED_BY_CONTACT, IMPORTED, ENRICHMENT, INFERRED; source: the form, file or vendor. */
    public record Provenance(String kind, String source) {
    }

    /** A page of {@code GET /contacts}. */
    public record Page(List<Contact> items) {
    }

    public ContactPoint point(UUID id) {
        return contactPoints == null ? null : contactPoints.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    Contact withPoints(List<ContactPoint> points) {
        return new Contact(id, givenName, familyName, displayName, language, points);
    }
}

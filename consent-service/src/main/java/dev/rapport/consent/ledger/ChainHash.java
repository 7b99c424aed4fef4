package dev.rapport.consent.ledger;

import dev.rapport.consent.common.Hashing;

/**
 * The ledger's hash: SHA-256 over every field of an event (length-prefixed, so no field can bleed into the next)
 * and the previous event's hash. Personal free text enters only through {@code personalDigest}, an HMAC keyed with
 * the contact's salt, so erasure can blank it and destroy the salt while the chain still verifies.
 */
public final class ChainHash {
    private ChainHash() {
    }

    public static String of(ConsentEvent e) {
        StringBuilder b = new StringBuilder("rapport-consent-v1");
        field(b, e.id);
        field(b, e.contactId);
        field(b, e.seq);
        field(b, e.kind);
        field(b, e.purpose);
        field(b, e.channel);
        field(b, e.contactPointId);
        field(b, e.pointHash);
        field(b, e.lawfulBasis);
        field(b, e.source);
        field(b, e.formId);
        field(b, e.wordingHash);
        field(b, e.actor);
        field(b, e.occurredAt);
        field(b, e.recordedAt);
        field(b, e.expiresAt);
        field(b, e.until);
        field(b, e.personalDigest);
        field(b, e.prevHash);
        return Hashing.sha256(b.toString());
    }

    /** HMAC of the personal fields with the contact's salt; null when there are none. */
    public static String personalDigest(byte[] salt, String note, String ipAddress, String userAgent) {
        if (note == null && ipAddress == null && userAgent == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("personal-v1");
        field(b, note);
        field(b, ipAddress);
        field(b, userAgent);
        return Hashing.hmac(salt, b.toString());
    }

    private static void field(StringBuilder b, Object value) {
        if (value == null) {
            b.append("|-");
            return;
        }
        String s = value.toString();
        b.append('|').append(s.length()).append(':').append(s);
    }
}

package dev.rapport.consent.purpose;

import java.time.Instant;

public record PurposeView(String code, String description, LawfulBasis lawfulBasis, long version, Instant createdAt,
        Instant updatedAt) {

    public static PurposeView from(Purpose p) {
        return new PurposeView(p.code, p.description, p.lawfulBasis, p.version, p.createdAt, p.updatedAt);
    }
}

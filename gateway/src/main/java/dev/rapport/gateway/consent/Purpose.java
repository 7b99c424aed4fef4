package dev.rapport.gateway.consent;

import java.time.Instant;

public record Purpose(String code, String description, LawfulBasis lawfulBasis, long version, Instant createdAt, Instant updatedAt) {
}

package dev.rapport.gateway.contact;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;

public record Organisation(@Id String id, String name, String domain, String industry, Integer employeeCount, long version,
        Instant createdAt, Instant updatedAt) {
}

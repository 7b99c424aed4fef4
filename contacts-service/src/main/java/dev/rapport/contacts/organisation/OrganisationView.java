package dev.rapport.contacts.organisation;

import java.time.Instant;
import java.util.UUID;

public record OrganisationView(UUID id, String name, String domain, String industry, Integer employeeCount, long version,
        Instant createdAt, Instant updatedAt) {

    public static OrganisationView from(Organisation o) {
        return new OrganisationView(o.id, o.name, o.domain, o.industry, o.employeeCount, o.version, o.createdAt, o.updatedAt);
    }
}

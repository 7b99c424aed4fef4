package dev.rapport.gateway.subject;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;

public record PersonalDataExport(@Id String contactId, Instant exportedAt, boolean complete, List<ServiceData> services) {
}

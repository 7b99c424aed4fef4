package dev.rapport.gateway.subject;

import java.time.Instant;
import java.util.List;

public record PersonalDataExport(String contactId, Instant exportedAt, boolean complete, List<ServiceData> services) {
}

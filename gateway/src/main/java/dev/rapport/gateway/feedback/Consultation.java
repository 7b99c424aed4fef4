package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;

public record Consultation(@Id String id, String title, String purpose, String status, Instant createdAt, Instant openedAt,
        Instant closedAt, Instant answeredAt, long version, List<Initiative> initiatives) {

    public record Initiative(@Id String id, int position, String title, String description) {
    }

    public record ConsultationConnection(List<Consultation> nodes, dev.rapport.gateway.common.PageInfo pageInfo) {
    }
}
